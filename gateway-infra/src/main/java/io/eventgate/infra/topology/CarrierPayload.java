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
 *
 * <p>The event id reaches the carrier in the body ({@code eventId}, from {@code $.id}): input transformers resolve
 * their paths on AWS and on LocalStack alike, whereas LocalStack sends a target's {@code HeaderParameters} as they
 * stand (localstack#12062), so its {@code Idempotency-Key} header would read {@code $.id}. The header is kept as an
 * extra for where it arrives resolved; the carrier ignores it when it does not.
 */
final class CarrierPayload {

    static final String TEMPLATE = "{\"orderId\":<orderId>,\"eventId\":<eventId>,\"customerId\":<customerId>,"
            + "\"correlationId\":<correlationId>,\"items\":<items>,\"shipTo\":<shipTo>}";

    private CarrierPayload() {
    }

    static InputTransformer transformer() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("eventId", "$.id");
        paths.put("orderId", "$.detail.data.orderId");
        paths.put("customerId", "$.detail.data.customerId");
        paths.put("correlationId", "$.detail.metadata.correlationId");
        paths.put("items", "$.detail.data.items");
        paths.put("shipTo", "$.detail.data.shippingAddress");
        return InputTransformer.builder().inputPathsMap(paths).inputTemplate(TEMPLATE).build();
    }

    /**
     * The event id as {@code Idempotency-Key} too: a redelivered or replayed event carries the same one. Resolved on
     * AWS; literally {@code $.id} on LocalStack, which the carrier ignores in favour of the body's {@code eventId}.
     */
    static HttpParameters httpParameters() {
        return HttpParameters.builder().headerParameters(Map.of("Idempotency-Key", "$.id")).build();
    }
}
