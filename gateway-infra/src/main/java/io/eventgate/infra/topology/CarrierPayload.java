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
 *
 * <p>The order's trace context ({@code detail.metadata.traceparent}) travels the same two ways: as the W3C
 * {@code traceparent} header, which the carrier's HTTP server continues, and in the body, for where the header
 * arrives unresolved. It stands inside quotes so that an event without one gives an empty string, never broken JSON.
 */
final class CarrierPayload {

    static final String TEMPLATE = "{\"orderId\":<orderId>,\"eventId\":<eventId>,\"customerId\":<customerId>,"
            + "\"correlationId\":<correlationId>,\"traceparent\":\"<traceparent>\",\"items\":<items>,"
            + "\"shipTo\":<shipTo>}";
    static final String TRACEPARENT_PATH = "$.detail.metadata.traceparent";

    private CarrierPayload() {
    }

    static InputTransformer transformer() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("eventId", "$.id");
        paths.put("orderId", "$.detail.data.orderId");
        paths.put("customerId", "$.detail.data.customerId");
        paths.put("correlationId", "$.detail.metadata.correlationId");
        paths.put("traceparent", TRACEPARENT_PATH);
        paths.put("items", "$.detail.data.items");
        paths.put("shipTo", "$.detail.data.shippingAddress");
        return InputTransformer.builder().inputPathsMap(paths).inputTemplate(TEMPLATE).build();
    }

    /**
     * The event id as {@code Idempotency-Key} too: a redelivered or replayed event carries the same one; and the order's
     * trace context as {@code traceparent}. Resolved on AWS and local-cloud; literally the JSON paths on LocalStack,
     * which the carrier ignores (the body's {@code eventId} and {@code traceparent} serve instead).
     */
    static HttpParameters httpParameters() {
        return HttpParameters.builder()
                .headerParameters(Map.of("Idempotency-Key", "$.id", "traceparent", TRACEPARENT_PATH)).build();
    }
}
