package io.eventgate.orders.tracking;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client's stream of one order. Knows what the client has been told ({@link Progress}) and sends each step it
 * lacks, once, in the usual order, as soon as the view learns of it. Changes may arrive on any thread and before the
 * stream started; a lock keeps "what was sent" and "what is known" consistent.
 */
final class UpdateStream {

    private static final Logger log = LoggerFactory.getLogger(UpdateStream.class);
    static final String STATE = "state";
    static final String HEARTBEAT = "heartbeat";
    static final String IDLE = "idle";

    private final String orderId;
    private final SseEmitter emitter;
    private final JsonMapper json;
    private final Optional<Progress> resumeFrom;
    private final Duration reconnectDelay;
    private final Consumer<UpdateStream> gone;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean released = new AtomicBoolean();
    private TrackingView known;
    private Progress told;
    private boolean closed;
    private Instant lastNews;

    UpdateStream(String orderId, SseEmitter emitter, JsonMapper json, Optional<Progress> resumeFrom,
            Duration reconnectDelay, Consumer<UpdateStream> gone) {
        this.orderId = orderId;
        this.emitter = emitter;
        this.json = json;
        this.resumeFrom = resumeFrom;
        this.reconnectDelay = reconnectDelay;
        this.gone = gone;
    }

    String orderId() {
        return orderId;
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** True the first time only: the stream's slot is given back exactly once. */
    boolean release() {
        return released.compareAndSet(false, true);
    }

    /**
     * Sends what the client needs first: the whole current state, or — resuming — each step it missed.
     */
    void start(TrackingView current, Instant now) {
        lock.lock();
        try {
            known = known == null ? current : known.merge(current);
            lastNews = now;
            if (resumeFrom.isEmpty()) {
                told = known.progress();
                send(STATE, Optional.of(told), known.message(), true);
            } else {
                told = resumeFrom.get();
                sendMissing(now, true);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Learns of a change (or of the state read again) and sends the steps it adds. */
    void offer(TrackingView change, Instant now) {
        lock.lock();
        try {
            known = known == null ? change : known.merge(change);
            if (told != null) {
                sendMissing(now, false);
            }
        } finally {
            lock.unlock();
        }
    }

    /** A heartbeat, or — after {@code idleTimeout} without news — {@code idle} and the end of the stream. */
    void tick(Instant now, Duration idleTimeout) {
        lock.lock();
        try {
            if (told == null || closed) {
                return;
            }
            if (!now.isBefore(lastNews.plus(idleTimeout))) {
                if (send(IDLE, Optional.empty(), Map.of("idleTimeout", idleTimeout.toString()), false)) {
                    closed = true;
                    emitter.complete();
                }
                return;
            }
            send(HEARTBEAT, Optional.empty(), Map.of("at", now.toString()), false);
        } finally {
            lock.unlock();
        }
    }

    /** Ends the stream (the instance stops, or can no longer follow the changes): the client reconnects. */
    void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                emitter.complete();
            }
        } finally {
            lock.unlock();
        }
    }

    private void sendMissing(Instant now, boolean first) {
        Progress current = known.progress();
        for (Step step : told.missing(current)) {
            Progress next = told.with(step);
            if (!send(step.wireName(), Optional.of(next), known.upTo(next).message(), first)) {
                return;
            }
            first = false;
            told = next;
            lastNews = now;
        }
    }

    private boolean send(String name, Optional<Progress> id, Object data, boolean withRetry) {
        if (closed) {
            return false;
        }
        SseEmitter.SseEventBuilder event = SseEmitter.event().name(name).data(json.writeValueAsString(data));
        id.ifPresent(progress -> event.id(progress.text()));
        if (withRetry) {
            event.reconnectTime(reconnectDelay.toMillis());
        }
        try {
            emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException failure) {
            // The client went away (or the stream ended meanwhile). Its slot is given back now, and the request is
            // ended now rather than whenever the container notices the broken connection.
            log.debug("update stream of order {} ended: {}", orderId, failure.toString());
            closed = true;
            gone.accept(this);
            try {
                emitter.completeWithError(failure);
            } catch (RuntimeException alreadyEnded) {
                log.trace("update stream of order {} was ended already", orderId, alreadyEnded);
            }
            return false;
        }
    }
}
