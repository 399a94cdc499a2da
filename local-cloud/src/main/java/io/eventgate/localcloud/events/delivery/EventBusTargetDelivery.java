package io.eventgate.localcloud.events.delivery;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Event bus targets ({@code arn:aws:events:...:event-bus/NAME}): the event is put onto that bus. */
public final class EventBusTargetDelivery implements TargetDelivery {

    private final EventIngestion ingestion;

    public EventBusTargetDelivery(EventIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @Override
    public boolean accepts(String targetArn) {
        return targetArn.startsWith("arn:aws:events:") && targetArn.contains(":event-bus/");
    }

    @Override
    public CompletionStage<DeliveryResult> deliver(Delivery delivery, int attempt) {
        return CompletableFuture.completedFuture(ingestion.ingest(delivery.targetArn(), delivery.payload()));
    }
}
