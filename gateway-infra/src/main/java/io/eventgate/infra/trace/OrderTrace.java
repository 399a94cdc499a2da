package io.eventgate.infra.trace;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Puts one order's journey together from the running stack. */
public final class OrderTrace {

    private final StackClient stack;
    private final Clock clock;
    private final Duration stuckAfter;

    public OrderTrace(StackClient stack, Clock clock, Duration stuckAfter) {
        this.stack = stack;
        this.clock = clock;
        this.stuckAfter = stuckAfter;
    }

    /** What {@link #trace} found. */
    public enum Verdict {
        /** Every hop done, or the next one is simply not due yet. */
        ON_ITS_WAY,
        /** A hop will not happen by itself: the report says which and why. */
        STUCK
    }

    /**
     * Prints the journey of the order.
     *
     * @throws IllegalArgumentException when orders-service knows no such order
     * @throws StackClient.Unreachable  when a part of the stack does not answer
     */
    public Verdict trace(String orderId, java.io.PrintWriter out) {
        Optional<JsonNode> shipment;
        Optional<String> carrierDown = Optional.empty();
        try {
            shipment = stack.shipment(orderId);
        } catch (StackClient.Unreachable e) {
            // A carrier that does not answer is itself where an order stops; the other hops can still be told.
            shipment = Optional.empty();
            carrierDown = Optional.of(e.getMessage());
        }
        List<String> reportEvents = new ArrayList<>();
        shipment.ifPresent(s -> s.path("reports").forEach(report -> {
            String eventId = report.path("eventId").asString("");
            if (!eventId.isEmpty()) {
                reportEvents.add(eventId);
            }
        }));
        JsonNode order = stack.ordersJourney(orderId, reportEvents)
                .orElseThrow(() -> new IllegalArgumentException("orders-service knows no order " + orderId));
        Journey journey = Journey.of(order, shipment, carrierDown, stack::deliveries, clock.instant(), stuckAfter);
        JourneyReport.print(journey, out);
        return journey.open().filter(hop -> hop.state() == Hop.State.STUCK).isPresent() ? Verdict.STUCK
                : Verdict.ON_ITS_WAY;
    }
}
