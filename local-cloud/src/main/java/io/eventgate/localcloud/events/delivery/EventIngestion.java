package io.eventgate.localcloud.events.delivery;

/** Puts an already-built event onto an event bus (the bus-to-bus target). */
@FunctionalInterface
public interface EventIngestion {

    /**
     * Matches the event against the rules of the bus with this ARN and starts their deliveries.
     *
     * @return {@link DeliveryResult.Delivered}, {@link DeliveryResult.Failed} when the bus does not exist or the
     *         payload is not an event, {@link DeliveryResult.Retryable} when delivery has no room right now
     */
    DeliveryResult ingest(String busArn, String eventJson);
}
