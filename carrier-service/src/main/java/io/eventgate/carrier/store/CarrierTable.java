package io.eventgate.carrier.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The layout of the carrier's table. One partition per order ({@code pk = order#<orderId>}) holds the shipment
 * ({@code sk = shipment}) and its reports ({@code sk = report#<eventName>}), so one query shows a shipment with the
 * state of every report. Idempotency keys get their own partitions ({@code pk = idempotency-key#<key>}).
 *
 * <p>Two sparse global secondary indexes: {@value #BY_STATUS} ({@code status}, {@code statusAt}) holds only
 * shipments and serves listing, discontinuing and the simulator without scans; {@value #PENDING_REPORTS}
 * ({@code pending}, {@code pendingOrder}) holds only reports still to be sent, oldest first.
 * The provisioner (gateway-infra) creates the same table; keep the two in step.
 */
final class CarrierTable {

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

    private static final Logger log = LoggerFactory.getLogger(CarrierTable.class);

    private final DynamoDbClient dynamo;
    private final String name;

    CarrierTable(DynamoDbClient dynamo, String name) {
        this.dynamo = dynamo;
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

    /** Creates the table and waits until it is active; a table that already exists is left as it is. */
    void createIfMissing() {
        try {
            dynamo.createTable(b -> b.tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            attribute(PK, ScalarAttributeType.S), attribute(SK, ScalarAttributeType.S),
                            attribute(STATUS, ScalarAttributeType.S), attribute(STATUS_AT, ScalarAttributeType.N),
                            attribute(PENDING, ScalarAttributeType.S), attribute(PENDING_ORDER, ScalarAttributeType.S))
                    .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                    .globalSecondaryIndexes(index(BY_STATUS, STATUS, STATUS_AT), index(PENDING_REPORTS, PENDING, PENDING_ORDER)));
            log.info("created DynamoDB table {}", name);
        } catch (ResourceInUseException exists) {
            log.debug("DynamoDB table {} already exists", name);
        }
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    }

    private static AttributeDefinition attribute(String attributeName, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(attributeName).attributeType(type).build();
    }

    private static KeySchemaElement key(String attributeName, KeyType type) {
        return KeySchemaElement.builder().attributeName(attributeName).keyType(type).build();
    }

    private static GlobalSecondaryIndex index(String indexName, String hash, String range) {
        return GlobalSecondaryIndex.builder().indexName(indexName)
                .keySchema(key(hash, KeyType.HASH), key(range, KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL))
                .build();
    }
}
