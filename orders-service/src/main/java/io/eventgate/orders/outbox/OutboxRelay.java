package io.eventgate.orders.outbox;

import io.eventgate.orders.outbox.OutboxStore.Claim;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes outbox records. One worker thread per instance takes event ids from an in-process queue (fed right
 * after each commit, see {@link OrderPlacedSignal}) and, every {@code sweep-interval}, from the pending index;
 * claims them with a lease; publishes them in batches of at most ten; resends only the failed entries with
 * backoff; and marks each record published only once EventBridge accepted it. Whatever is still failing after
 * {@code resend-attempts} stays pending with a growing delay and is picked up by a later sweep — after a restart
 * too, since nothing about it lives only in memory.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int SWEEP_LIMIT = 100;

    private final OutboxStore store;
    private final EventPublisher publisher;
    private final OutboxSettings settings;
    private final Clock clock;
    private final String owner = "relay-" + UUID.randomUUID();
    private final BlockingQueue<String> signals = new LinkedBlockingQueue<>();
    private volatile Thread worker;
    private volatile boolean running;

    OutboxRelay(OutboxStore store, EventPublisher publisher, OutboxSettings settings, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.settings = settings;
        this.clock = clock;
    }

    /** Asks for the record with this event id to be published now. Never blocks. */
    void signal(String eventId) {
        signals.offer(eventId);
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon(true).start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            try {
                current.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        Instant nextSweep = Instant.MIN; // sweep once at start: records a crash left behind
        while (running) {
            try {
                if (!clock.instant().isBefore(nextSweep)) {
                    sweep();
                    nextSweep = clock.instant().plus(settings.sweepInterval());
                }
                String first = signals.poll(pollTimeout(nextSweep), TimeUnit.MILLISECONDS);
                if (first != null) {
                    Set<String> ids = new LinkedHashSet<>();
                    ids.add(first);
                    List<String> more = new ArrayList<>();
                    signals.drainTo(more, SWEEP_LIMIT);
                    ids.addAll(more);
                    relay(ids);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // DynamoDB unreachable or similar: nothing is lost (records stay pending), so wait for the next sweep.
                log.warn("outbox relay round failed, retrying at the next sweep: {}", e.toString());
                nextSweep = clock.instant().plus(settings.sweepInterval());
            }
        }
    }

    private long pollTimeout(Instant nextSweep) {
        return Math.max(1, Duration.between(clock.instant(), nextSweep).toMillis());
    }

    /** Publishes whatever is pending and due; also what tests and a restart rely on. */
    void sweep() throws InterruptedException {
        List<String> pending = store.pendingEventIds(SWEEP_LIMIT);
        if (!pending.isEmpty()) {
            log.debug("sweep found {} pending outbox records", pending.size());
            relay(new LinkedHashSet<>(pending));
        }
    }

    private void relay(Set<String> eventIds) throws InterruptedException {
        Instant now = clock.instant();
        List<Claim> claimed = eventIds.stream()
                .map(id -> store.claim(id, owner, now, now.plus(settings.lease())))
                .flatMap(Optional::stream)
                .toList();
        for (int from = 0; from < claimed.size(); from += EventPublisher.MAX_BATCH) {
            publish(claimed.subList(from, Math.min(from + EventPublisher.MAX_BATCH, claimed.size())));
        }
    }

    private void publish(List<Claim> batch) throws InterruptedException {
        Map<String, Claim> byId = batch.stream()
                .collect(Collectors.toMap(c -> c.event().eventId(), Function.identity()));
        List<OutboundEvent> unpublished = batch.stream().map(Claim::event).toList();
        for (int attempt = 1; !unpublished.isEmpty(); attempt++) {
            List<OutboundEvent> failed = new ArrayList<>();
            try {
                for (PublishOutcome outcome : publisher.publish(unpublished)) {
                    switch (outcome) {
                        case PublishOutcome.Published published -> {
                            if (!store.markPublished(published.eventId(), owner, clock.instant())) {
                                log.warn("lease on outbox record {} expired while publishing it", published.eventId());
                            }
                        }
                        case PublishOutcome.Failed f -> {
                            log.warn("EventBridge refused event {}: {} {}", f.eventId(), f.errorCode(), f.errorMessage());
                            failed.add(byId.get(f.eventId()).event());
                        }
                    }
                }
            } catch (PublishUnavailableException e) {
                log.warn("publishing {} events failed (attempt {}): {}", unpublished.size(), attempt, e.getMessage());
                failed = unpublished;
            }
            if (failed.isEmpty() || attempt >= settings.resendAttempts()) {
                postpone(failed, byId);
                return;
            }
            Thread.sleep(settings.backoffAfter(attempt).toMillis());
            unpublished = failed;
        }
    }

    /** Leaves what still failed to a later sweep, each record waiting longer the more often it failed. */
    private void postpone(List<OutboundEvent> failed, Map<String, Claim> byId) {
        for (OutboundEvent event : failed) {
            int failures = byId.get(event.eventId()).attempts() + 1;
            Instant retryAt = clock.instant().plus(settings.backoffAfter(failures));
            store.postpone(event.eventId(), owner, retryAt);
            log.info("outbox record {} stays pending; retry after {}", event.eventId(), retryAt);
        }
    }
}
