package io.eventgate.orders.outbox;

import io.eventgate.contracts.TraceParent;
import io.eventgate.web.tracing.OrderLog;
import io.eventgate.orders.table.OutboxItem;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes outbox records, by two routes:
 *
 * <ul>
 *   <li><b>hand-off</b> (the normal case): each committed record arrives in memory, already leased to this instance
 *   ({@link OutboxHandOff}); {@code workers} threads take up to ten at a time from one queue, publish them in one
 *   {@code PutEvents} and mark them published in one {@code TransactWriteItems} — two calls per ten records, none
 *   of them a read;</li>
 *   <li><b>sweep</b>, every {@code sweep-interval}: the pending index names what a crash, an outage or a lost
 *   hand-off left behind; each record whose lease is free or expired is claimed with a conditional write (which
 *   returns it), then published and marked the same way.</li>
 * </ul>
 *
 * Either way failed entries are resent with backoff, and whatever still fails after {@code resend-attempts} stays
 * pending with a growing delay for a later sweep — after a restart too, since nothing lives only in memory.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int SWEEP_LIMIT = 100;

    private final OutboxStore store;
    private final EventPublisher publisher;
    private final OutboxSettings settings;
    private final Clock clock;
    private final ObservationRegistry observations;
    private final String owner = "relay-" + UUID.randomUUID();
    private final BlockingQueue<OutboxItem> handedOff;
    /** Event ids this instance holds (queued or being published): a sweep leaves them alone. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private Thread sweeper;
    private volatile boolean running;

    OutboxRelay(OutboxStore store, EventPublisher publisher, OutboxSettings settings, Clock clock,
            ObservationRegistry observations) {
        this.store = store;
        this.publisher = publisher;
        this.settings = settings;
        this.clock = clock;
        this.observations = observations;
        this.handedOff = new LinkedBlockingQueue<>(settings.queueCapacity());
    }

    /** This instance's name in leases. */
    String owner() {
        return owner;
    }

    /**
     * Takes a committed record leased to {@link #owner()} for publishing. Never blocks: when the queue is full the
     * record is left to a sweep once its lease runs out.
     */
    void handOff(OutboxItem record) {
        inFlight.add(record.getEventId());
        if (!handedOff.offer(record)) {
            inFlight.remove(record.getEventId());
            try (var logged = OrderLog.about(record.getOrderId(), record.getEventId())) {
                log.warn("outbox queue full ({} records); {} waits for its lease to run out and a sweep",
                        settings.queueCapacity(), record.getEventId());
            }
        }
    }

    int inFlight() {
        return inFlight.size();
    }

    // Starts before the web server accepts orders and stops after it stopped accepting them.
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 1; i <= settings.workers(); i++) {
            threads.add(Thread.ofPlatform().name("outbox-relay-" + i).daemon(true).start(this::work));
        }
        sweeper = Thread.ofPlatform().name("outbox-sweep").daemon(true).start(this::sweepPeriodically);
    }

    /** Publishes what was handed over already (up to 10 s), then stops. What is left waits for its lease. */
    @Override
    public synchronized void stop() {
        running = false;
        if (sweeper != null) {
            sweeper.interrupt(); // a sweep in progress leaves its claimed records leased; they are not lost
            sweeper = null;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (Thread thread : threads) {
            try {
                if (!thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                    thread.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work() {
        while (running || !handedOff.isEmpty()) {
            try {
                OutboxItem first = handedOff.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<OutboxItem> batch = new ArrayList<>(EventPublisher.MAX_BATCH);
                batch.add(first);
                handedOff.drainTo(batch, EventPublisher.MAX_BATCH - 1);
                publishHandedOff(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // DynamoDB unreachable or similar: the records stay pending and leased; a sweep takes them later.
                log.warn("outbox relay batch failed; its records wait for a sweep: {}", e.toString());
            }
        }
    }

    private void publishHandedOff(List<OutboxItem> batch) throws InterruptedException {
        long now = clock.millis();
        List<OutboxItem> stillOurs = new ArrayList<>(batch.size());
        for (OutboxItem record : batch) {
            // Queued longer than the lease: another instance may have claimed it; leave it to the sweeps.
            if (record.getLeaseUntil() != null && record.getLeaseUntil() <= now) {
                inFlight.remove(record.getEventId());
            } else {
                stillOurs.add(record);
            }
        }
        try {
            publish(stillOurs, PublishObservation.HAND_OFF);
        } finally {
            batch.forEach(record -> inFlight.remove(record.getEventId()));
        }
    }

    private void sweepPeriodically() {
        while (running) {
            try {
                boolean more = sweepOnce();
                if (!more) {
                    Thread.sleep(settings.sweepInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // DynamoDB unreachable or similar: nothing is lost (records stay pending); try again later.
                log.warn("outbox sweep failed, retrying in {}: {}", settings.sweepInterval(), e.toString());
                try {
                    Thread.sleep(settings.sweepInterval().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Publishes whatever is pending, due and not held by this instance already; what tests and a restart rely on. */
    void sweep() throws InterruptedException {
        sweepOnce();
    }

    /** @return whether the pending index had more than one sweep takes, so the next should follow at once */
    private boolean sweepOnce() throws InterruptedException {
        List<String> pending = store.pendingEventIds(SWEEP_LIMIT);
        Instant now = clock.instant();
        List<OutboxItem> claimed = new ArrayList<>();
        for (String eventId : pending) {
            if (!inFlight.add(eventId)) {
                continue; // handed over to this instance, on its way already
            }
            Optional<OutboxItem> claim = Optional.empty();
            try {
                claim = store.claim(eventId, owner, now, now.plus(settings.lease()));
            } finally {
                if (claim.isPresent()) {
                    claimed.add(claim.get());
                } else {
                    inFlight.remove(eventId);
                }
            }
        }
        if (!claimed.isEmpty()) {
            log.debug("sweep claimed {} pending outbox records", claimed.size());
        }
        try {
            for (int from = 0; from < claimed.size(); from += EventPublisher.MAX_BATCH) {
                publish(claimed.subList(from, Math.min(from + EventPublisher.MAX_BATCH, claimed.size())),
                        PublishObservation.SWEEP);
            }
        } finally {
            claimed.forEach(record -> inFlight.remove(record.getEventId()));
        }
        return pending.size() == SWEEP_LIMIT && !claimed.isEmpty();
    }

    /**
     * Publishes up to ten leased records, resending only failed entries, and marks what EventBridge accepted. Each
     * record's publication is observed on its own, continuing the trace stored with it.
     */
    private void publish(List<OutboxItem> batch, String route) throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, OutboxItem> byId = batch.stream()
                .collect(Collectors.toMap(OutboxItem::getEventId, Function.identity()));
        Map<String, Observation> observed = new HashMap<>();
        Map<String, String> outcomes = new HashMap<>();
        batch.forEach(record -> observed.put(record.getEventId(), PublishObservation.start(observations, record, route)));
        try {
            publishObserved(batch, byId, outcomes, observed);
        } catch (InterruptedException | RuntimeException e) {
            observed.values().forEach(observation -> observation.error(e));
            throw e;
        } finally {
            observed.forEach((eventId, observation) -> PublishObservation.stop(observation,
                    outcomes.getOrDefault(eventId, PublishObservation.FAILED)));
        }
    }

    private void publishObserved(List<OutboxItem> batch, Map<String, OutboxItem> byId, Map<String, String> outcomes,
            Map<String, Observation> observed) throws InterruptedException {
        List<OutboxItem> unpublished = batch;
        for (int attempt = 1; ; attempt++) {
            List<OutboxItem> failed = new ArrayList<>();
            List<OutboxItem> published = new ArrayList<>();
            try {
                for (PublishOutcome outcome : publisher.publish(unpublished.stream().map(OutboxRelay::event).toList())) {
                    OutboxItem record = byId.get(outcome.eventId());
                    switch (outcome) {
                        case PublishOutcome.Published p -> {
                            record.setBusEventId(p.busEventId());
                            published.add(record);
                            outcomes.put(p.eventId(), PublishObservation.PUBLISHED);
                        }
                        case PublishOutcome.Failed f -> {
                            logAbout(record, observed, () -> log.warn("EventBridge refused event {}: {} {}",
                                    f.eventId(), f.errorCode(), f.errorMessage()));
                            failed.add(record);
                            outcomes.put(f.eventId(), PublishObservation.REFUSED);
                        }
                    }
                }
            } catch (PublishUnavailableException e) {
                log.warn("publishing {} events failed (attempt {}): {}", unpublished.size(), attempt, e.getMessage());
                failed = unpublished;
                failed.forEach(record -> outcomes.put(record.getEventId(), PublishObservation.UNAVAILABLE));
            }
            markPublished(published, observed);
            if (failed.isEmpty() || attempt >= settings.resendAttempts()) {
                postpone(failed, observed);
                return;
            }
            Thread.sleep(settings.backoffAfter(attempt).toMillis());
            unpublished = failed;
        }
    }

    private void markPublished(List<OutboxItem> published, Map<String, Observation> observed)
            throws InterruptedException {
        if (published.isEmpty()) {
            return;
        }
        for (OutboxItem lost : store.markPublished(published, owner, clock.instant())) {
            logAbout(lost, observed, () -> log.warn("lease on outbox record {} expired while publishing it",
                    lost.getEventId()));
        }
    }

    /** Logs a line about one record in its order's trace and log context. */
    private static void logAbout(OutboxItem record, Map<String, Observation> observed, Runnable line) {
        Observation observation = observed.get(record.getEventId());
        try (var scope = observation == null ? null : observation.openScope();
                var logged = OrderLog.about(record.getOrderId(), record.getEventId())) {
            line.run();
        }
    }

    /** Leaves what still failed to a later sweep, each record waiting longer the more often it failed. */
    private void postpone(List<OutboxItem> failed, Map<String, Observation> observed) {
        for (OutboxItem record : failed) {
            int failures = (record.getAttempts() == null ? 0 : record.getAttempts()) + 1;
            Instant retryAt = clock.instant().plus(settings.backoffAfter(failures));
            store.postpone(record, owner, retryAt);
            logAbout(record, observed, () -> log.info("outbox record {} stays pending; retry after {}",
                    record.getEventId(), retryAt));
        }
    }

    private static OutboundEvent event(OutboxItem record) {
        return new OutboundEvent(record.getEventId(), record.getSource(), record.getDetailType(), record.getDetail(),
                TraceParent.parse(record.getTraceparent()));
    }
}
