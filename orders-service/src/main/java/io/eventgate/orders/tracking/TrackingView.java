package io.eventgate.orders.tracking;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.eventgate.orders.order.Order;
import io.eventgate.orders.order.OrderChange;
import io.eventgate.orders.order.OrderStatus;
import io.eventgate.orders.order.Tracked;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What is known of an order's progress: each step that happened, with its time and details. Only grows: merging
 * two views keeps every step of both, so views built from changes that arrive in any order, twice, or from a read
 * and a change at once, add up to the same thing. Holds no personal data (no name, no address): it is what the
 * update stream sends.
 */
final class TrackingView {

    private final String orderId;
    private final Map<Step, Fact> facts;

    private TrackingView(String orderId, Map<Step, Fact> facts) {
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.facts = Collections.unmodifiableMap(facts.isEmpty() ? new EnumMap<>(Step.class) : new EnumMap<>(facts));
    }

    static TrackingView of(Tracked tracked) {
        TrackingView view = of(tracked.order());
        return tracked.sentToCarrierAt().map(at -> view.merge(sent(view.orderId, at))).orElse(view);
    }

    static TrackingView of(OrderChange change) {
        return switch (change) {
            case OrderChange.Stored stored -> of(stored.order());
            case OrderChange.SentToCarrier sent -> sent(sent.orderId(), sent.at());
        };
    }

    private static TrackingView of(Order order) {
        Map<Step, Fact> facts = new EnumMap<>(Step.class);
        facts.put(Step.PLACED, new Fact(Step.PLACED, order.createdAt(), null, null, null));
        order.shipment().ifPresent(s -> facts.put(Step.SHIPPED,
                new Fact(Step.SHIPPED, s.shippedAt(), s.trackingNumber(), s.carrier(), null)));
        order.deliveredAt().ifPresent(at -> facts.put(Step.DELIVERED, new Fact(Step.DELIVERED, at, null, null, null)));
        // A delivery that overtook its shipment report has no SHIPPED step yet: it comes, as its own update with the
        // tracking number, when the late report is applied.
        order.cancelledAt().ifPresent(at -> facts.put(Step.CANCELLED,
                new Fact(Step.CANCELLED, at, null, null, order.reason())));
        return new TrackingView(order.id(), facts);
    }

    private static TrackingView sent(String orderId, Instant at) {
        return new TrackingView(orderId, Map.of(Step.SENT, new Fact(Step.SENT, at, null, null, null)));
    }

    String orderId() {
        return orderId;
    }

    Progress progress() {
        return Progress.of(facts.keySet());
    }

    /** Every step of both (a step's facts never change once stored, so either side's are the same). */
    TrackingView merge(TrackingView other) {
        if (!other.orderId.equals(orderId)) {
            throw new IllegalArgumentException("views of two orders: " + orderId + ", " + other.orderId);
        }
        Map<Step, Fact> merged = new EnumMap<>(Step.class);
        merged.putAll(facts);
        other.facts.forEach(merged::putIfAbsent);
        return new TrackingView(orderId, merged);
    }

    /** This view as it stood when a client had seen {@code progress}. */
    TrackingView upTo(Progress progress) {
        Map<Step, Fact> seen = new EnumMap<>(Step.class);
        facts.forEach((step, fact) -> {
            if (progress.has(step)) {
                seen.put(step, fact);
            }
        });
        return new TrackingView(orderId, seen);
    }

    /** The order's status these steps amount to (the same rule as the order's own state machine). */
    OrderStatus status() {
        if (facts.containsKey(Step.CANCELLED)) {
            return OrderStatus.CANCELLED;
        }
        if (facts.containsKey(Step.DELIVERED)) {
            return OrderStatus.DELIVERED;
        }
        return facts.containsKey(Step.SHIPPED) ? OrderStatus.SHIPPED : OrderStatus.PENDING;
    }

    /** The form sent to clients. */
    Message message() {
        return new Message(orderId, status(), facts.values().stream()
                .map(f -> new StepMessage(f.step().wireName(), f.at(), f.trackingNumber(), f.carrier(), f.reason()))
                .toList());
    }

    /** One step as it happened; details that do not apply (or are not known yet) are null. */
    record Fact(Step step, Instant at, String trackingNumber, String carrier, String reason) {
    }

    /** An update's data: the order's status and its steps so far, in their usual order. */
    record Message(String orderId, OrderStatus status, List<StepMessage> steps) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StepMessage(String step, Instant at, String trackingNumber, String carrier, String reason) {
    }
}
