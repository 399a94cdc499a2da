package io.eventgate.localcloud.events.delivery;

import io.eventgate.localcloud.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every delivery: picks the {@link TargetDelivery} for the target's ARN, retries retryable failures under the
 * target's {@link RetryPolicy} (exponential backoff with full jitter, never beyond the event's maximum age), and hands
 * what cannot be delivered to the target's dead-letter queue, with the attributes EventBridge sets.
 *
 * <p>At most {@link DeliverySettings#maxInFlight()} deliveries are in flight; {@link #submit} waits for room rather than
 * drop anything.
 *
 * <p>With a data directory, every delivery is stored from the moment it is submitted (on the caller's thread, so the
 * caller's answer waits for it) until it is settled — delivered, dead-lettered or dropped — and {@link #resume} starts
 * the stored ones again after a restart: delivery is at least once across crashes too.
 *
 * <p>Every attempt is written to the {@link DeliveryLog} (rule, target, event, attempt, outcome, status or error,
 * latency), which local-cloud serves at {@code /_localcloud/deliveries} and counts at {@code /_localcloud/metrics}.
 */
public final class DeliveryDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final List<TargetDelivery> strategies;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final DeliverySettings settings;
    private final StateStore state;
    private final Semaphore room;
    private final DeliveryLog deliveryLog = new DeliveryLog(DeliveryLog.DEFAULT_CAPACITY);
    private volatile boolean closing;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("eventbridge-retries").factory());

    public DeliveryDispatcher(List<TargetDelivery> strategies, DeadLetters deadLetters, Clock clock,
                              DeliverySettings settings) {
        this(strategies, deadLetters, clock, settings, StateStore.inMemory());
    }

    public DeliveryDispatcher(List<TargetDelivery> strategies, DeadLetters deadLetters, Clock clock,
                              DeliverySettings settings, StateStore state) {
        this.strategies = List.copyOf(strategies);
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.settings = settings;
        this.state = state;
        this.room = new Semaphore(settings.maxInFlight());
    }

    /** A delivery as it is stored while pending: what to deliver and how many retries it has had. */
    record Pending(Delivery delivery, int retries) {
    }

    private static String key(Delivery delivery) {
        return "events/delivery/" + delivery.id();
    }

    /**
     * Starts again every delivery that was pending when local-cloud stopped or crashed, with the retries it had had.
     *
     * @return how many were resumed
     */
    public int resume() {
        int resumed = 0;
        for (StateStore.Entry entry : state.entries("events/delivery/")) {
            Pending pending = StateStore.read(entry.value(), Pending.class);
            room.acquireUninterruptibly();
            workers.execute(() -> attempt(pending.delivery(), pending.retries()));
            resumed++;
        }
        if (resumed > 0) {
            log.info("resumed {} pending deliveries", resumed);
        }
        return resumed;
    }

    /** The strategy for a target ARN; empty when local-cloud cannot deliver to that kind of target. */
    public Optional<TargetDelivery> strategyFor(String targetArn) {
        return strategies.stream().filter(s -> s.accepts(targetArn)).findFirst();
    }

    /** Starts the deliveries, waiting for room if too many are in flight. */
    public void submit(List<Delivery> deliveries) throws InterruptedException {
        for (Delivery delivery : deliveries) {
            room.acquire();
            state.put(key(delivery), new Pending(delivery, 0));
            workers.execute(() -> attempt(delivery, 0));
        }
    }

    /**
     * Starts the deliveries only if there is room now (used when one delivery creates others, e.g. bus to bus, where
     * waiting could deadlock the dispatcher on itself).
     */
    public boolean trySubmit(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return true;
        }
        if (!room.tryAcquire(deliveries.size())) {
            return false;
        }
        deliveries.forEach(d -> {
            state.put(key(d), new Pending(d, 0));
            workers.execute(() -> attempt(d, 0));
        });
        return true;
    }

    /** Every delivery attempt, newest kept. */
    public DeliveryLog log() {
        return deliveryLog;
    }

    /** Deliveries accepted and not yet finished (delivered, dead-lettered or dropped). */
    public int inFlight() {
        return settings.maxInFlight() - room.availablePermits();
    }

    private void attempt(Delivery delivery, int retries) {
        long started = System.nanoTime();
        CompletionStage<DeliveryResult> result;
        try {
            result = strategyFor(delivery.targetArn())
                    .map(strategy -> strategy.deliver(delivery, retries))
                    .orElseGet(() -> CompletableFuture.completedFuture(new DeliveryResult.Failed("INVALID_PARAMETER",
                            "local-cloud cannot deliver to " + delivery.targetArn())));
        } catch (RuntimeException e) {
            log.error("delivery to {} failed unexpectedly", delivery.targetArn(), e);
            result = CompletableFuture.completedFuture(new DeliveryResult.Retryable("INTERNAL_ERROR", e.toString()));
        }
        result.whenComplete((outcome, failure) -> settle(new Attempt(delivery, retries, started, failure == null
                ? outcome : new DeliveryResult.Retryable("INTERNAL_ERROR", failure.toString()))));
    }

    /** One attempt of a delivery and how it ended, on its way to the delivery log. */
    private record Attempt(Delivery delivery, int retries, long startedNanos, DeliveryResult result) {
    }

    private void settle(Attempt attempt) {
        if (closing) {
            return; // stopping: the delivery stays stored and is resumed at the next start
        }
        Delivery delivery = attempt.delivery();
        switch (attempt.result()) {
            case DeliveryResult.Delivered ignored -> {
                logged(attempt, DeliveryLog.Outcome.DELIVERED, Optional.empty(), Optional.empty());
                done(delivery);
            }
            case DeliveryResult.Failed failed ->
                    deadLetter(attempt, failed.errorCode(), failed.errorMessage(), null);
            case DeliveryResult.Retryable retryable -> retryOrGiveUp(attempt, retryable);
        }
    }

    private void logged(Attempt attempt, DeliveryLog.Outcome outcome, Optional<String> code, Optional<String> error) {
        Delivery delivery = attempt.delivery();
        deliveryLog.record(new DeliveryLog.Entry(clock.instant(), delivery.ruleArn(), delivery.targetId(),
                delivery.targetArn(), delivery.eventId(), attempt.retries() + 1, outcome, attempt.result().status(),
                code, error, (System.nanoTime() - attempt.startedNanos()) / 1_000_000));
    }

    private void retryOrGiveUp(Attempt attempt, DeliveryResult.Retryable failure) {
        Delivery delivery = attempt.delivery();
        int retries = attempt.retries();
        RetryPolicy policy = delivery.retryPolicy();
        if (retries >= policy.maximumRetryAttempts()) {
            deadLetter(attempt, failure.errorCode(), failure.errorMessage(), "MaximumRetryAttempts");
            return;
        }
        Duration delay = backoff(retries);
        if (failure.retryAfter().isPresent() && failure.retryAfter().get().compareTo(delay) > 0) {
            delay = failure.retryAfter().get();
        }
        Duration age = Duration.between(delivery.ingestionTime(), clock.instant());
        if (age.plus(delay).compareTo(policy.maximumEventAge()) > 0) {
            deadLetter(attempt, failure.errorCode(), failure.errorMessage(), "MaximumEventAgeInSeconds");
            return;
        }
        logged(attempt, DeliveryLog.Outcome.RETRYING, Optional.of(failure.errorCode()),
                Optional.ofNullable(failure.errorMessage()));
        log.debug("retrying {} to {} in {} ms after {}", delivery.eventId(), delivery.targetArn(), delay.toMillis(),
                failure.errorCode());
        state.put(key(delivery), new Pending(delivery, retries + 1));
        timer.schedule(() -> workers.execute(() -> attempt(delivery, retries + 1)), delay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Full jitter: uniformly random up to min(max, initial * 2^retries). */
    private Duration backoff(int retries) {
        long ceiling = settings.initialBackoff().toMillis() << Math.min(retries, 20);
        ceiling = Math.min(ceiling, settings.maxBackoff().toMillis());
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    private void deadLetter(Attempt attempt, String code, String message, String exhausted) {
        Delivery delivery = attempt.delivery();
        int retries = attempt.retries();
        logged(attempt, delivery.deadLetterArn().isEmpty() ? DeliveryLog.Outcome.DROPPED
                : DeliveryLog.Outcome.DEAD_LETTERED, Optional.ofNullable(code), Optional.ofNullable(message));
        if (delivery.deadLetterArn().isEmpty()) {
            log.warn("event {} of rule {} not delivered to target {} ({}: {}); the target has no dead-letter queue, so "
                    + "the event is dropped, as on AWS", delivery.eventId(), delivery.ruleArn(), delivery.targetId(),
                    code, message);
            done(delivery);
            return;
        }
        var attributes = new java.util.LinkedHashMap<String, String>();
        attributes.put("RULE_ARN", delivery.ruleArn());
        attributes.put("TARGET_ARN", delivery.targetArn());
        attributes.put("ERROR_CODE", code);
        attributes.put("ERROR_MESSAGE", message);
        attributes.put("RETRY_ATTEMPTS", String.valueOf(retries));
        if (exhausted != null) {
            attributes.put("EXHAUSTED_RETRY_CONDITION", exhausted);
        }
        String dlq = delivery.deadLetterArn().get();
        deadLetters.send(dlq, delivery.ruleArn(), delivery.eventJson(), Map.copyOf(attributes))
                .whenComplete((outcome, failure) -> {
                    if (closing) {
                        return;
                    }
                    if (failure != null || !(outcome instanceof DeliveryResult.Delivered)) {
                        log.warn("event {} of rule {} could not be sent to dead-letter queue {} either: {}; dropped",
                                delivery.eventId(), delivery.ruleArn(), dlq, failure != null ? failure : outcome);
                    }
                    done(delivery);
                });
    }

    /** The delivery is settled: no longer stored, and its room is free. */
    private void done(Delivery delivery) {
        state.delete(key(delivery));
        room.release();
    }

    @Override
    public void close() {
        closing = true;
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
