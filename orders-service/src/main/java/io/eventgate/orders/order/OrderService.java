package io.eventgate.orders.order;

import io.eventgate.web.tracing.OrderLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** The order use cases: place, read, list, and apply what the carrier reported. */
@Service
public class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);
    private static final int APPLY_ATTEMPTS = 3;

    private final Orders orders;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderService(Orders orders, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Places an order. With an idempotency key, a repeated request with the same content returns the order the
     * first one created ({@code created = false}); the same key with different content is refused.
     *
     * @throws IdempotencyKeyReusedException when the key was used with a different body
     */
    public Placement place(NewOrder request, Optional<String> idempotencyKey) {
        String fingerprint = request.fingerprint();
        if (idempotencyKey.isPresent()) {
            Optional<Placement> earlier = replay(idempotencyKey.get(), fingerprint);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Order order = Order.place(OrderIds.next(), request, clock.instant());
        try (var logged = OrderLog.about(order.id(), Order.correlationIdOf(order.id()))) {
            Order stored;
            try {
                stored = orders.add(order, idempotencyKey.map(key -> new IdempotencyClaim(key, fingerprint, order.id())));
            } catch (IdempotencyKeyTakenException raced) {
                // A concurrent request with the same key won; answer as its retry would be answered.
                return replay(idempotencyKey.orElseThrow(), fingerprint).orElseThrow(() -> raced);
            }
            log.info("order {} placed: {} line(s), total {}", order.id(), order.items().size(), order.total());
            events.publishEvent(new OrderPlaced(order.id()));
            return new Placement(stored, true);
        }
    }

    private Optional<Placement> replay(String key, String fingerprint) {
        return orders.findClaim(key).map(claim -> {
            // Constant-time comparison: the fingerprint is derived from the body, which may hold personal data.
            if (!MessageDigest.isEqual(claim.fingerprint().getBytes(StandardCharsets.UTF_8),
                    fingerprint.getBytes(StandardCharsets.UTF_8))) {
                throw new IdempotencyKeyReusedException();
            }
            Order order = orders.find(claim.orderId()).orElseThrow(() -> new OrderNotFoundException(claim.orderId()));
            return new Placement(order, false);
        });
    }

    /** @throws OrderNotFoundException also for an id that cannot be one ({@link OrderIds}); the store is not asked */
    public Order get(String orderId) {
        return find(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    /**
     * The order and how far the orders side has seen it go, for the live tracking.
     *
     * @throws OrderNotFoundException also for an id that cannot be one; the store is not asked
     */
    public Tracked track(String orderId) {
        Order order = get(orderId);
        return new Tracked(order, orders.sentToCarrierAt(orderId));
    }

    private Optional<Order> find(String orderId) {
        return OrderIds.isWellFormed(orderId) ? orders.find(orderId) : Optional.empty();
    }

    public OrderPage list(OrderStatus status, int limit, Optional<String> cursor) {
        return orders.findByStatus(status, limit, cursor);
    }

    /**
     * Applies a carrier event at most once (by {@code eventId}). Illegal or stale transitions are logged and
     * change nothing.
     *
     * @return whether the order changed
     * @throws UnknownOrderEventException when the order does not exist
     */
    public boolean apply(String eventId, CarrierEvent event) {
        try (var logged = OrderLog.about(event.orderId(), Order.correlationIdOf(event.orderId()))) {
            return applyOnce(eventId, event);
        }
    }

    /** An event applied (or found a duplicate of) to the order, by the event's id; empty when it never was. */
    public Optional<AppliedEvent> applied(String orderId, String eventId) {
        return orders.findApplied(eventId).filter(applied -> applied.orderId().equals(orderId));
    }

    private boolean applyOnce(String eventId, CarrierEvent event) {
        // No "applied already?" read up front: transitions only move forward, so a duplicate is either ignored by
        // the order itself or refused by the inbox mark's condition in the same transaction as the change.
        for (int attempt = 1; ; attempt++) {
            Order order = find(event.orderId())
                    .orElseThrow(() -> new UnknownOrderEventException(eventId, event.orderId()));
            switch (order.apply(event, clock.instant())) {
                case Transition.Ignored ignored -> {
                    if (orders.isApplied(eventId)) {
                        logDuplicate(eventId, event);
                    } else {
                        log.warn("ignoring {} {} : {}", event.getClass().getSimpleName(), eventId, ignored.why());
                    }
                    return false;
                }
                case Transition.Applied applied -> {
                    try {
                        boolean stored = orders.saveApplying(applied.order(), eventId, event.eventName());
                        if (stored) {
                            log.info("order {} is now {} after {} {}", order.id(), applied.order().status(),
                                    event.getClass().getSimpleName(), eventId);
                        } else {
                            logDuplicate(eventId, event);
                        }
                        return stored;
                    } catch (ConcurrentOrderUpdateException conflict) {
                        if (attempt == APPLY_ATTEMPTS) {
                            throw conflict;
                        }
                        // Someone else changed the order meanwhile: re-read and decide again.
                    }
                }
            }
        }
    }

    private static void logDuplicate(String eventId, CarrierEvent event) {
        log.info("event {} for order {} was applied already; ignoring the duplicate", eventId, event.orderId());
    }
}
