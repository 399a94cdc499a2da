package io.eventgate.orders.outbox;

import io.eventgate.contracts.TraceParent;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** {@link EventPublisher} on EventBridge {@code PutEvents}, which answers 200 even when some entries failed. */
@Component
class EventBridgePublisher implements EventPublisher {

    private final EventBridgeClient eventBridge;
    private final String busName;

    EventBridgePublisher(EventBridgeClient eventBridge, OutboxSettings settings) {
        this.eventBridge = eventBridge;
        this.busName = settings.busName();
    }

    @Override
    public List<PublishOutcome> publish(List<OutboundEvent> events) {
        if (events.isEmpty() || events.size() > MAX_BATCH) {
            throw new IllegalArgumentException("PutEvents takes 1 to " + MAX_BATCH + " entries, not " + events.size());
        }
        List<PutEventsRequestEntry> entries = events.stream()
                .map(event -> PutEventsRequestEntry.builder()
                        .eventBusName(busName)
                        .source(event.source())
                        .detailType(event.detailType())
                        .detail(event.detail())
                        // X-Ray follows the event through EventBridge on AWS; the W3C context is in the detail.
                        .traceHeader(event.trace().map(TraceParent::xRayTraceHeader).orElse(null))
                        .build())
                .toList();
        PutEventsResponse response;
        try {
            response = eventBridge.putEvents(b -> b.entries(entries));
        } catch (SdkException e) {
            throw new PublishUnavailableException("PutEvents to bus " + busName + " failed: " + e.getMessage(), e);
        }
        List<PutEventsResultEntry> results = response.entries();
        if (results.size() != events.size()) {
            // The reply pairs results with entries by position; without a full reply nothing can be trusted.
            throw new PublishUnavailableException("PutEvents answered " + results.size() + " results for "
                    + events.size() + " entries", null);
        }
        List<PublishOutcome> outcomes = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            PutEventsResultEntry result = results.get(i);
            String eventId = events.get(i).eventId();
            outcomes.add(result.errorCode() == null && result.eventId() != null
                    ? new PublishOutcome.Published(eventId, result.eventId())
                    : new PublishOutcome.Failed(eventId, result.errorCode(), result.errorMessage()));
        }
        return outcomes;
    }
}
