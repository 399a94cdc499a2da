package io.eventgate.infra.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.model.HttpParameters;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;

/**
 * The shipment request the carrier receives, produced from an {@code OrderCreated} event by EventBridge itself.
 *
 * <p>Every placeholder stands outside quotes, so EventBridge inserts the JSON value: strings arrive quoted and escaped,
 * {@code items} and {@code shipTo} arrive as the event's own array and object.
 */
final class CarrierPayload {

    static final String TEMPLATE = "{\"orderId\":<orderId>,\"customerId\":<customerId>,"
            + "\"correlationId\":<correlationId>,\"items\":<items>,\"shipTo\":<shipTo>}";

    private CarrierPayload() {
    }

    static InputTransformer transformer() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("orderId", "$.detail.data.orderId");
        paths.put("customerId", "$.detail.data.customerId");
        paths.put("correlationId", "$.detail.metadata.correlationId");
        paths.put("items", "$.detail.data.items");
        paths.put("shipTo", "$.detail.data.shippingAddress");
        return InputTransformer.builder().inputPathsMap(paths).inputTemplate(TEMPLATE).build();
    }

    /** The event id as {@code Idempotency-Key}: a redelivered or replayed event carries the same one. */
    static HttpParameters httpParameters() {
        return HttpParameters.builder().headerParameters(Map.of("Idempotency-Key", "$.id")).build();
    }
}
