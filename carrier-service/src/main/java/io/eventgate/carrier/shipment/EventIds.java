package io.eventgate.carrier.shipment;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which event id makes a shipment request idempotent. EventBridge's input transformer puts the event id into the
 * body ({@code eventId}) on AWS and on LocalStack alike; the {@code Idempotency-Key} header carries it too, but only
 * where the target's {@code HeaderParameters} JSON path is resolved. LocalStack sends the path itself
 * ({@code Idempotency-Key: $.id}, localstack#12062), which would make every order after the first look like a reuse of
 * one key. So a header value that starts with {@code $} is never a key: it is ignored and the body's id is used.
 */
final class EventIds {

    private static final Logger log = LoggerFactory.getLogger(EventIds.class);
    /** One WARN per process is enough to explain the ignored header; every further one is logged at DEBUG. */
    private static final AtomicBoolean warned = new AtomicBoolean();

    private EventIds() {
    }

    /**
     * The idempotency key of a request: the body's {@code eventId}, else a usable {@code Idempotency-Key} header,
     * else {@code null} (the order id alone still makes the request idempotent).
     *
     * @throws EventIdMismatchException when the header and the body name two different events
     */
    static String idempotencyKey(String header, String bodyEventId) {
        String usableHeader = header;
        if (header != null && unresolvedPath(header)) {
            if (warned.compareAndSet(false, true)) {
                log.warn("Ignoring the Idempotency-Key header '{}': it is an unresolved JSON path, not an event id"
                        + " (LocalStack sends HeaderParameters literally); the body's eventId is used instead", header);
            } else {
                log.debug("Ignoring the unresolved Idempotency-Key header '{}'", header);
            }
            usableHeader = null;
        }
        if (usableHeader != null && bodyEventId != null && !Objects.equals(usableHeader, bodyEventId)) {
            throw new EventIdMismatchException();
        }
        return bodyEventId != null ? bodyEventId : usableHeader;
    }

    /** A JSON path that was sent as it stands instead of the value it points to. */
    static boolean unresolvedPath(String value) {
        return value.startsWith("$");
    }
}
