package io.eventgate.carrier.shipment;

import io.eventgate.web.tracing.OrderLog;
import io.eventgate.carrier.report.ReportSender;
import io.eventgate.carrier.shipment.ShipmentStore.Receipt;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The carrier's use cases. Every change is stored together with its report before anything else happens; the
 * report sender is only nudged afterwards, so a crash at any point loses nothing.
 */
@Service
public class ShipmentService {

    private static final Logger log = LoggerFactory.getLogger(ShipmentService.class);
    /** A transition that loses a race re-reads the shipment; the domain then decides whether it still applies. */
    private static final int TRANSITION_ATTEMPTS = 3;

    private final ShipmentStore store;
    private final ReportSender sender;
    private final TrackingNumbers trackingNumbers;
    private final Clock clock;

    ShipmentService(ShipmentStore store, ReportSender sender, TrackingNumbers trackingNumbers, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.trackingNumbers = trackingNumbers;
        this.clock = clock;
    }

    /** The outcome of a shipment request: the stored shipment and whether this request created it. */
    public record Received(Shipment shipment, boolean created) {
    }

    /**
     * Stores a shipment request; a redelivery (same order or same idempotency key) returns what is stored.
     *
     * @throws IdempotencyKeyReusedException when the idempotency key belongs to another order
     */
    public Received receive(NewShipment request) {
        try (var logged = OrderLog.about(request.orderId(), request.correlationId())) {
            Receipt receipt = store.receive(Shipment.received(request, now()));
            return switch (receipt) {
                case Receipt.Created created -> {
                    log.info("received shipment for order {}", created.shipment().orderId());
                    yield new Received(created.shipment(), true);
                }
                case Receipt.AlreadyReceived existing -> new Received(existing.shipment(), false);
                case Receipt.KeyUsedForOtherOrder other ->
                        throw new IdempotencyKeyReusedException(request.orderId(), other.otherOrderId());
            };
        }
    }

    public ShipmentRecord get(String orderId) {
        return store.find(orderId).orElseThrow(() -> new ShipmentNotFoundException(orderId));
    }

    public List<Shipment> list(ShipmentStatus status, int limit) {
        return store.findByStatus(status, limit);
    }

    /** Up to {@code limit} shipments that have been in the status since {@code cutoff} or longer, oldest first. */
    public List<Shipment> inStatusSince(ShipmentStatus status, Instant cutoff, int limit) {
        return store.findInStatusSince(status, cutoff, limit);
    }

    /** {@code RECEIVED → SHIPPED} with a new tracking number; reports {@code OrderShipped}. */
    public ShipmentRecord dispatch(String orderId) {
        return transition(orderId, shipment -> shipment.dispatch(trackingNumbers.next(), now()));
    }

    /** {@code SHIPPED → DELIVERED}; reports {@code OrderDelivered}. */
    public ShipmentRecord deliver(String orderId) {
        return transition(orderId, shipment -> shipment.deliver(now()));
    }

    /**
     * Cancels every shipment not yet shipped that contains the SKU and reports {@code OrderCancelled} for each.
     *
     * @return the orders cancelled by this call
     */
    public List<String> discontinue(String sku) {
        String reason = "Product " + sku + " discontinued";
        List<String> cancelled = new ArrayList<>();
        for (Shipment shipment : store.findByStatusContaining(ShipmentStatus.RECEIVED, sku)) {
            // one that was dispatched since the query is simply no longer ours to cancel
            if (store.apply(shipment.cancel(reason, now()))) {
                cancelled.add(shipment.orderId());
            }
        }
        if (!cancelled.isEmpty()) {
            log.info("discontinued {}: cancelled {} shipment(s)", sku, cancelled.size());
            sender.wake();
        }
        return cancelled;
    }

    private ShipmentRecord transition(String orderId, Function<Shipment, Transition> step) {
        for (int attempt = 1; attempt <= TRANSITION_ATTEMPTS; attempt++) {
            Shipment current = get(orderId).shipment();
            Transition transition = step.apply(current);
            if (store.apply(transition)) {
                try (var logged = OrderLog.about(orderId, current.correlationId())) {
                    log.info("shipment for order {} is {}", orderId, transition.to().status());
                }
                sender.wake();
                return get(orderId);
            }
        }
        throw new IllegalStateException("shipment for order " + orderId + " kept changing; try again");
    }

    private Instant now() {
        // millisecond precision keeps stored, reported and indexed timestamps identical
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
