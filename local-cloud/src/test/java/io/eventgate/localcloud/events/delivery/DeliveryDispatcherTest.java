package io.eventgate.localcloud.events.delivery;

import io.eventgate.localcloud.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The retry schedule and dead-lettering, driven by a target kind whose failures the test chooses (no emulator can be
 * made to fail on cue; the SQS and bus strategies are covered end to end through the SDK).
 */
class DeliveryDispatcherTest {

    private static final String TARGET = "arn:test:flaky";

    private final List<Map<String, String>> deadLettered = new CopyOnWriteArrayList<>();
    private final DeadLetters deadLetters = (queue, rule, body, attributes) -> {
        deadLettered.add(attributes);
        return CompletableFuture.completedFuture(DeliveryResult.delivered());
    };
    private DeliveryDispatcher dispatcher;

    /** A target that answers with the given results in turn, then succeeds; counts the attempts. */
    private static final class Scripted implements TargetDelivery {
        final AtomicInteger attempts = new AtomicInteger();
        final List<DeliveryResult> script;

        Scripted(DeliveryResult... script) {
            this.script = List.of(script);
        }

        @Override
        public boolean accepts(String targetArn) {
            return TARGET.equals(targetArn);
        }

        @Override
        public CompletionStage<DeliveryResult> deliver(Delivery delivery, int attempt) {
            int n = attempts.getAndIncrement();
            return CompletableFuture.completedFuture(n < script.size() ? script.get(n) : DeliveryResult.delivered());
        }
    }

    private DeliveryDispatcher dispatcher(TargetDelivery target, Clock clock) {
        dispatcher = new DeliveryDispatcher(List.of(target), deadLetters, clock,
                new DeliverySettings(100, Duration.ofMillis(10), Duration.ofMillis(40)));
        return dispatcher;
    }

    private static Delivery delivery(RetryPolicy policy, Instant ingested) {
        return new Delivery(Delivery.nextId(), "e-1", "{\"id\":\"e-1\"}", "{}", "arn:rule", "t", TARGET, Json.object(), policy,
                Optional.of("arn:aws:sqs:us-east-1:000000000000:dlq"), ingested);
    }

    @AfterEach
    void stop() {
        dispatcher.close();
    }

    @Test
    void retriesRetryableFailuresUntilTheTargetTakesTheEvent() throws Exception {
        var target = new Scripted(new DeliveryResult.Retryable("THROTTLING", "slow down"),
                new DeliveryResult.Retryable("CONNECTION_FAILURE", "refused"));
        var dispatcher = dispatcher(target, Clock.systemUTC());

        dispatcher.submit(List.of(delivery(RetryPolicy.DEFAULT, Instant.now())));

        await().until(() -> dispatcher.inFlight() == 0);
        assertThat(target.attempts).hasValue(3);
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void deadLettersWhenTheRetryAttemptsAreSpent() throws Exception {
        var retryable = new DeliveryResult.Retryable("INTERNAL_ERROR", "boom");
        var target = new Scripted(retryable, retryable, retryable, retryable);
        var dispatcher = dispatcher(target, Clock.systemUTC());

        dispatcher.submit(List.of(delivery(new RetryPolicy(2, Duration.ofMinutes(1)), Instant.now())));

        await().until(() -> dispatcher.inFlight() == 0);
        assertThat(target.attempts).hasValue(3);
        assertThat(deadLettered).singleElement().satisfies(attributes -> assertThat(attributes)
                .containsEntry("ERROR_CODE", "INTERNAL_ERROR")
                .containsEntry("ERROR_MESSAGE", "boom")
                .containsEntry("EXHAUSTED_RETRY_CONDITION", "MaximumRetryAttempts")
                .containsEntry("RETRY_ATTEMPTS", "2")
                .containsEntry("RULE_ARN", "arn:rule")
                .containsEntry("TARGET_ARN", TARGET));
    }

    @Test
    void deadLettersWhenTheEventWouldOutliveItsMaximumAge() throws Exception {
        var target = new Scripted(new DeliveryResult.Retryable("THROTTLING", "slow down"));
        var dispatcher = dispatcher(target, Clock.systemUTC());
        Instant almostTooOld = Instant.now().minus(Duration.ofSeconds(60));

        dispatcher.submit(List.of(delivery(new RetryPolicy(185, Duration.ofSeconds(60)), almostTooOld)));

        await().until(() -> dispatcher.inFlight() == 0);
        assertThat(target.attempts).hasValue(1);
        assertThat(deadLettered).singleElement().satisfies(attributes -> assertThat(attributes)
                .containsEntry("EXHAUSTED_RETRY_CONDITION", "MaximumEventAgeInSeconds"));
    }

    @Test
    void deadLettersPermanentFailuresWithoutRetrying() throws Exception {
        var target = new Scripted(new DeliveryResult.Failed("NO_PERMISSIONS", "denied"));
        var dispatcher = dispatcher(target, Clock.systemUTC());

        dispatcher.submit(List.of(delivery(RetryPolicy.DEFAULT, Instant.now())));

        await().until(() -> dispatcher.inFlight() == 0);
        assertThat(target.attempts).hasValue(1);
        assertThat(deadLettered).singleElement().satisfies(attributes -> assertThat(attributes)
                .containsEntry("ERROR_CODE", "NO_PERMISSIONS").doesNotContainKey("EXHAUSTED_RETRY_CONDITION"));
    }
}
