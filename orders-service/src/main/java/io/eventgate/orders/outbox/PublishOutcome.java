package io.eventgate.orders.outbox;

/** What happened to one entry of a publish call. */
sealed interface PublishOutcome {

    String eventId();

    record Published(String eventId, String busEventId) implements PublishOutcome {
    }

    record Failed(String eventId, String errorCode, String errorMessage) implements PublishOutcome {
    }
}
