package io.eventgate.localcloud.events.apidestination;

import io.eventgate.localcloud.edge.AwsException;
import io.eventgate.localcloud.events.delivery.Delivery;
import io.eventgate.localcloud.events.delivery.DeliveryResult;
import io.eventgate.localcloud.events.delivery.TargetDelivery;
import io.eventgate.localcloud.json.Json;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import tools.jackson.databind.JsonNode;

/**
 * The delivery strategy for rule targets whose ARN is an API destination. Each attempt runs on its own virtual
 * thread, so waiting for a destination's rate limit or a slow endpoint never holds up other deliveries.
 */
public final class ApiDestinationTargetDelivery implements TargetDelivery, AutoCloseable {

    private final ApiDestinationInvoker invoker;
    private final ExecutorService attempts = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("api-destination-", 0).factory());

    public ApiDestinationTargetDelivery(ApiDestinationInvoker invoker) {
        this.invoker = invoker;
    }

    @Override
    public boolean accepts(String targetArn) {
        return ApiDestinations.isApiDestinationArn(targetArn);
    }

    @Override
    public void validate(JsonNode target) {
        try {
            TargetHttpParameters.parse(target.get("HttpParameters"));
        } catch (AwsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public CompletionStage<DeliveryResult> deliver(Delivery delivery, int attempt) {
        Invocation invocation = new Invocation(delivery.targetArn(), delivery.ruleArn(), delivery.targetId(),
                attempt + 1, delivery.payload(), Json.parse(delivery.eventJson()),
                TargetHttpParameters.parse(delivery.target().get("HttpParameters")),
                delivery.ingestionTime().plus(delivery.retryPolicy().maximumEventAge()));
        try {
            return CompletableFuture.supplyAsync(() -> result(invocation), attempts);
        } catch (RejectedExecutionException e) {
            // Only while local-cloud stops: the attempt is not made, so it is reported as one worth retrying.
            return CompletableFuture.completedFuture(
                    new DeliveryResult.Retryable("INTERNAL_ERROR", "local-cloud is stopping"));
        }
    }

    private DeliveryResult result(Invocation invocation) {
        try {
            return switch (invoker.invoke(invocation)) {
                case InvocationResult.Delivered delivered -> new DeliveryResult.Delivered(status(delivered));
                case InvocationResult.Failed failed when failed.retryable() -> new DeliveryResult.Retryable(
                        failed.errorCode(), failed.errorMessage(), failed.retryAfter(), status(failed));
                case InvocationResult.Failed failed -> new DeliveryResult.Failed(failed.errorCode(),
                        failed.errorMessage(), status(failed));
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    /** The HTTP status for the delivery log; none when no answer came (status 0: timeout, connection error). */
    private static Optional<Integer> status(InvocationResult result) {
        return result.status() == 0 ? Optional.empty() : Optional.of(result.status());
    }

    @Override
    public void close() {
        attempts.shutdownNow();
    }
}
