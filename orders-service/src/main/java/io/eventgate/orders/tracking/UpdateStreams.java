package io.eventgate.orders.tracking;

import io.eventgate.orders.order.OrderChange;
import io.eventgate.orders.order.OrderChangeListener;
import io.eventgate.orders.order.OrderNotFoundException;
import io.eventgate.orders.order.OrderService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open update streams of this instance, by order. Told every change by the change feed — which reads what every
 * instance stored, so a transition applied anywhere reaches the streams held here — and hands each change to the
 * streams of its order. Holds at most {@code max-streams}; sends heartbeats, closes idle streams, and closes them all
 * when the instance stops (before the web server waits for open requests), so that clients reconnect elsewhere.
 */
@Component
public class UpdateStreams implements OrderChangeListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UpdateStreams.class);

    private final OrderService orders;
    private final UpdatesSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, Set<UpdateStream>> byOrder = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    /** Sends may block on a slow client: each runs on its own virtual thread, never on the feed's or the ticker's. */
    private final ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean following;
    private volatile ScheduledExecutorService ticker;

    UpdateStreams(OrderService orders, UpdatesSettings settings, JsonMapper json, Clock clock) {
        this.orders = orders;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Opens a stream of the order's updates: the current state at once (or, resuming, each step missed since
     * {@code resumeFrom}), then every step as it is stored.
     *
     * @throws UpdatesUnavailableException when this instance cannot follow the changes now
     * @throws TooManyStreamsException     when this instance holds {@code max-streams} already
     * @throws OrderNotFoundException      when there is no such order — before anything is sent
     */
    public SseEmitter open(String orderId, Optional<Progress> resumeFrom) {
        if (!following) {
            throw new UpdatesUnavailableException();
        }
        if (open.incrementAndGet() > settings.maxStreams()) {
            open.decrementAndGet();
            log.warn("refusing an update stream: {} open, the most this instance holds", settings.maxStreams());
            throw new TooManyStreamsException(settings.maxStreams(), settings.busyRetryAfter());
        }
        // The request ends only when the stream does: the idle timeout ends it first, this is a backstop.
        SseEmitter emitter = new SseEmitter(settings.idleTimeout().plus(settings.heartbeat().multipliedBy(2)).toMillis());
        UpdateStream stream = new UpdateStream(orderId, emitter, json, resumeFrom, settings.reconnectDelay(),
                this::release);
        // Registered before the order is read, so that a change stored in between is not missed (a change that is
        // in the read as well is merged, not sent twice).
        byOrder.compute(orderId, (id, streams) -> {
            Set<UpdateStream> set = streams == null ? ConcurrentHashMap.newKeySet() : streams;
            set.add(stream);
            return set;
        });
        try {
            TrackingView current = TrackingView.of(orders.track(orderId));
            emitter.onCompletion(() -> release(stream));
            emitter.onTimeout(() -> {
                release(stream);
                stream.close();
            });
            emitter.onError(error -> release(stream));
            stream.start(current, clock.instant());
            return emitter;
        } catch (RuntimeException e) {
            release(stream);
            throw e;
        }
    }

    /** How many streams this instance holds now. */
    public int openStreams() {
        return open.get();
    }

    @Override
    public void changed(OrderChange change) {
        Set<UpdateStream> streams = byOrder.get(change.orderId());
        if (streams == null) {
            return;
        }
        TrackingView view = TrackingView.of(change);
        for (UpdateStream stream : streams) {
            sends.execute(() -> stream.offer(view, clock.instant()));
        }
    }

    @Override
    public void following() {
        following = true;
        // Whatever the feed may have missed is in the table: read each watched order again.
        for (String orderId : List.copyOf(byOrder.keySet())) {
            sends.execute(() -> resync(orderId));
        }
    }

    @Override
    public void lost(String why) {
        if (following) {
            log.error("live updates stopped: {}", why);
        }
        following = false;
        // Streams that get no changes would look live while they are not: end them, so that clients reconnect (to
        // an instance that follows, or to a clear 503 here).
        byOrder.values().forEach(streams -> streams.forEach(UpdateStream::close));
    }

    private void resync(String orderId) {
        Set<UpdateStream> streams = byOrder.get(orderId);
        if (streams == null) {
            return;
        }
        try {
            TrackingView current = TrackingView.of(orders.track(orderId));
            streams.forEach(stream -> stream.offer(current, clock.instant()));
        } catch (RuntimeException e) {
            log.warn("could not read order {} again for its update streams: {}", orderId, e.toString());
        }
    }

    private void release(UpdateStream stream) {
        if (stream == null || !stream.release()) {
            return;
        }
        open.decrementAndGet();
        byOrder.computeIfPresent(stream.orderId(), (id, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }

    private void tick() {
        var now = clock.instant();
        byOrder.values().forEach(streams -> streams.forEach(
                stream -> sends.execute(() -> stream.tick(now, settings.idleTimeout()))));
    }

    @Override
    public void start() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("update-streams-heartbeat").daemon().factory());
        long period = settings.heartbeat().toMillis();
        scheduler.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
        ticker = scheduler;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = ticker;
        ticker = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        int closing = open.get();
        byOrder.values().forEach(streams -> streams.forEach(UpdateStream::close));
        if (closing > 0) {
            log.info("closed {} update streams: their clients reconnect to another instance", closing);
        }
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }
}
