package io.eventgate.carrier.report;

import io.eventgate.web.tracing.OrderLog;
import io.eventgate.contracts.TraceParent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one background thread that delivers pending reports to the gateway, oldest first.
 *
 * <p>Single-flight on purpose: one report is in flight at a time, and a report that must be retried is retried
 * before anything younger is sent, so the reports of one order reach the gateway in the order they happened
 * ({@code OrderShipped} before {@code OrderDelivered}). Network errors, timeouts, 408, 429 and 5xx are retried for
 * as long as it takes, with jittered exponential backoff that yields to a longer {@code Retry-After}; any other
 * refusal marks the report FAILED, where it stays for inspection. Because pending reports live in the store, a
 * restarted service carries on where the previous one stopped.
 */
@Component
public class ReportSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReportSender.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final ReportStore store;
    private final GatewayClient gateway;
    private final SenderSettings settings;
    private final Clock clock;
    private final Backoff backoff;
    private final ObservationRegistry observations;
    private final Semaphore wakeups = new Semaphore(0);

    private volatile boolean running;
    private volatile CountDownLatch stopping = new CountDownLatch(0);
    private Thread worker;

    ReportSender(ReportStore store, GatewayClient gateway, SenderSettings settings, Clock clock,
            ObservationRegistry observations) {
        this.store = store;
        this.gateway = gateway;
        this.settings = settings;
        this.clock = clock;
        this.observations = observations;
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), settings.maxRetryAfter(),
                RandomGenerator.getDefault());
    }

    /** Tells the sender that a report was just recorded, so it need not wait for its next poll. */
    public void wake() {
        wakeups.release();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        stopping = new CountDownLatch(1);
        running = true;
        worker = Thread.ofPlatform().name("carrier-report-sender").daemon().start(this::run);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        stopping.countDown();
        wakeups.release();
        try {
            // let an in-flight POST finish; if it does not, the report stays pending and is sent after the restart
            if (!worker.join(STOP_GRACE)) {
                worker.interrupt();
                worker.join(STOP_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        log.info("report sender started");
        while (running) {
            try {
                if (!sendPendingBatch()) {
                    idle();
                }
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                // the store is unreachable: nothing is lost (reports stay pending), so wait and look again
                log.warn("report sender cannot read or update the store, retrying in {}: {}", settings.idlePoll(),
                        e.toString());
                if (pause(settings.idlePoll())) {
                    break;
                }
            }
        }
        log.info("report sender stopped");
    }

    /** @return whether there was anything to do (then look again at once) */
    private boolean sendPendingBatch() throws InterruptedException {
        List<PendingReport> batch = store.pending(settings.batchSize());
        for (PendingReport listed : batch) {
            if (!running) {
                break;
            }
            // the pending index may lag a moment behind a report's latest state; the item itself does not
            Optional<PendingReport> current = store.reloadPending(listed.id());
            if (current.isPresent() && !deliver(current.get())) {
                break; // still pending after its backoff: start again from the oldest so order holds
            }
        }
        return !batch.isEmpty();
    }

    /** @return {@code false} when the report is still pending */
    private boolean deliver(PendingReport report) throws InterruptedException {
        int attempts = report.attempts() + 1;
        Observation observation = ReportObservation.start(observations, report, attempts);
        GatewayResponse response;
        try (var scope = observation.openScope();
                var logged = OrderLog.about(report.id().orderId(), report.correlationId())) {
            response = gateway.send(report.body(), TraceParent.parse(report.traceparent()));
            record(report, attempts, response);
        } catch (InterruptedException | RuntimeException e) {
            observation.error(e);
            observation.stop();
            throw e;
        }
        switch (response) {
            case GatewayResponse.Accepted accepted -> {
                ReportObservation.stop(observation, ReportObservation.ACCEPTED);
                return true;
            }
            case GatewayResponse.Refused refused -> {
                ReportObservation.stop(observation, ReportObservation.REFUSED);
                return true;
            }
            case GatewayResponse.Retryable retryable -> {
                ReportObservation.stop(observation, ReportObservation.RETRY);
                pause(backoff.delay(attempts, retryable.retryAfter()));
                return false;
            }
        }
    }

    /** Stores and logs what the gateway answered (in the order's log context). */
    private void record(PendingReport report, int attempts, GatewayResponse response) {
        Instant now = clock.instant();
        switch (response) {
            case GatewayResponse.Accepted accepted -> {
                store.markSent(report.id(), attempts, now, accepted.eventId());
                log.info("gateway accepted {} (HTTP {}, attempt {}, event {})", report.id(), accepted.status(),
                        attempts, accepted.eventId());
            }
            case GatewayResponse.Refused refused -> {
                store.markFailed(report.id(), attempts, refused.reason(), now);
                log.error("gateway refused {} with {}; it is kept as FAILED for inspection and not retried",
                        report.id(), refused.reason());
            }
            case GatewayResponse.Retryable retryable -> {
                store.recordRetry(report.id(), attempts, retryable.reason(), now);
                log.warn("gateway did not accept {} (attempt {}): {}; retrying with backoff", report.id(), attempts,
                        retryable.reason());
            }
        }
    }

    private void idle() throws InterruptedException {
        wakeups.tryAcquire(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
        wakeups.drainPermits();
    }

    /** @return whether the sender is stopping */
    private boolean pause(Duration delay) {
        try {
            return stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
