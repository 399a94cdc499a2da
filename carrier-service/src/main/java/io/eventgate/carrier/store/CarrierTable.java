package io.eventgate.carrier.store;

import io.eventgate.aws.table.TableLayout;

/**
 * The names this adapter uses in the carrier's table, whose layout — keys, indexes and why — is described once, in
 * {@code eventgate/tables/carrier-shipments.yaml} ({@link #LAYOUT}; gateway-infra creates the table from the same
 * file). {@code CarrierTableLayoutTest} fails when the names here drift from it.
 */
final class CarrierTable {

    static final TableLayout LAYOUT = TableLayout.load("carrier-shipments");

    static final String PK = "pk";
    static final String SK = "sk";
    static final String BY_STATUS = "by-status";
    static final String STATUS = "status";
    static final String STATUS_AT = "statusAt";
    static final String PENDING_REPORTS = "pending-reports";
    static final String PENDING = "pending";
    static final String PENDING_ORDER = "pendingOrder";

    static final String SHIPMENT_SK = "shipment";
    static final String REPORT_SK_PREFIX = "report#";
    static final String IDEMPOTENCY_SK = "idempotency-key";

    private final String name;

    CarrierTable(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    static String orderKey(String orderId) {
        return "order#" + orderId;
    }

    static String idempotencyKey(String key) {
        return "idempotency-key#" + key;
    }

    static String reportSortKey(String eventName) {
        return REPORT_SK_PREFIX + eventName;
    }
}
