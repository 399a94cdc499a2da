package io.eventgate.orders.journey;

import io.eventgate.contracts.TraceParent;
import io.eventgate.orders.order.AppliedEvent;
import io.eventgate.orders.order.Order;
import io.eventgate.orders.order.OrderService;
import io.eventgate.orders.outbox.OrderCreatedPublications;
import io.eventgate.orders.outbox.OrderCreatedPublications.Publication;
import io.eventgate.web.problem.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An order's journey as orders-service saw it: placed, its {@code OrderCreated} published (when, as which bus event,
 * in which trace), and the carrier events applied to it. {@code ./eventgate trace} joins this with what the carrier
 * and local-cloud saw.
 */
@RestController
@RequestMapping(path = "/orders/{id}/journey", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderJourneyController {

    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final int MAX_EVENTS = 10;

    private final OrderService orders;
    private final OrderCreatedPublications publications;

    OrderJourneyController(OrderService orders, OrderCreatedPublications publications) {
        this.orders = orders;
        this.publications = publications;
    }

    @Operation(summary = "Where an order has been: placed, published to the bus, carrier events applied",
            description = "Each event id given as 'event' (an EventBridge event id, e.g. the one the gateway answered "
                    + "the carrier with) is looked up in the inbox: listed under 'applied' if it was applied to this "
                    + "order, left out otherwise.")
    @GetMapping
    JourneyResponse journey(@PathVariable String id,
            @Parameter(description = "EventBridge event ids of carrier events, at most 10")
            @RequestParam(name = "event", required = false) List<String> events) {
        List<String> eventIds = events == null ? List.of() : events;
        if (eventIds.size() > MAX_EVENTS) {
            throw new InvalidRequestException("event", "at most " + MAX_EVENTS + " event ids");
        }
        for (String eventId : eventIds) {
            if (!EVENT_ID.matcher(eventId).matches()) {
                throw new InvalidRequestException("event", "must be an event id: 1 to 64 letters, digits or '-'");
            }
        }
        Order order = orders.get(id);
        List<AppliedEvent> applied = eventIds.stream().distinct()
                .flatMap(eventId -> orders.applied(id, eventId).stream()).toList();
        return JourneyResponse.of(order, publications.of(id), applied);
    }

    /**
     * @param orderCreated the {@code OrderCreated} publication; absent only for an order written without its record
     * @param applied      the carrier events asked about that were applied to this order
     */
    record JourneyResponse(String orderId, String correlationId, String status, Instant createdAt,
            Instant updatedAt, PublicationView orderCreated, List<AppliedView> applied) {

        static JourneyResponse of(Order order, Optional<Publication> publication, List<AppliedEvent> applied) {
            return new JourneyResponse(order.id(), Order.correlationIdOf(order.id()), order.status().name(),
                    order.createdAt(), order.updatedAt(), publication.map(PublicationView::of).orElse(null),
                    applied.stream().map(AppliedView::of).toList());
        }
    }

    /** @param traceId the order's trace id (from the stored traceparent), to look up in a trace UI */
    record PublicationView(String eventId, boolean published, int attempts, Instant publishedAt,
            String busEventId, String traceparent, String traceId) {

        static PublicationView of(Publication p) {
            Optional<TraceParent> trace = p.traceparent().flatMap(TraceParent::parse);
            return new PublicationView(p.eventId(), p.published(), p.attempts(), p.publishedAt().orElse(null),
                    p.busEventId().orElse(null), trace.map(TraceParent::toString).orElse(null),
                    trace.map(TraceParent::traceId).orElse(null));
        }
    }

    record AppliedView(String eventId, String eventName, Instant appliedAt) {

        static AppliedView of(AppliedEvent event) {
            return new AppliedView(event.eventId(), event.eventName(), event.appliedAt());
        }
    }
}
