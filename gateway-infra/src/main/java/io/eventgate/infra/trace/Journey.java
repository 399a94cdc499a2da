package io.eventgate.infra.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * An order's hops, from what orders-service, the carrier and local-cloud say: placed → published to the bus →
 * delivered to the carrier → (dispatched, delivered or cancelled by the carrier) → each report accepted by the
 * gateway → applied by orders-service. The first hop that has not happened is waiting or stuck; the ones after it
 * are not shown.
 *
 * @param status  the order's status at orders-service
 * @param traceId the order's trace id (empty when it was placed outside any trace)
 */
record Journey(String orderId, String status, Optional<String> traceId, List<Hop> hops) {

    /** The rule and target whose deliveries bring OrderCreated to the carrier, and carrier events to the inbox. */
    static final String TO_CARRIER = "order-created-to-carrier";
    static final String TO_INBOX = "carrier-events-to-orders";

    /** The first hop that is not done, if any. */
    Optional<Hop> open() {
        return hops.stream().filter(hop -> hop.state() != Hop.State.DONE).findFirst();
    }

    /**
     * @param order      orders-service's journey of the order
     * @param shipment   the carrier's shipment, if it has one
     * @param carrierDown why the carrier could not be asked, if it could not (then it has no shipment to show)
     * @param deliveries local-cloud's delivery attempts of an event id, if it keeps them
     * @param stuckAfter how long a hop may take before it counts as stuck even without an error
     */
    static Journey of(JsonNode order, Optional<JsonNode> shipment, Optional<String> carrierDown,
            Function<String, Optional<JsonNode>> deliveries, Instant now, Duration stuckAfter) {
        List<Hop> hops = new ArrayList<>();
        JsonNode created = order.path("orderCreated");
        Instant placedAt = instant(order.path("createdAt")).orElseThrow();
        hops.add(Hop.done("placed at orders-service", placedAt, "correlation id " + order.path("correlationId").asString()));
        Optional<String> traceId = text(created.path("traceId"));
        Journey journey = new Journey(order.path("orderId").asString(), order.path("status").asString(), traceId, hops);
        Optional<Instant> publishedAt = instant(created.path("publishedAt"));
        String busEventId = created.path("busEventId").asString("");
        if (publishedAt.isEmpty()) {
            int attempts = created.path("attempts").asInt();
            String name = "published to the bus (outbox relay)";
            hops.add(attempts > 0
                    ? Hop.stuck(name, "not published after " + attempts + " failed round(s): the bus refused it or did "
                            + "not answer; see orders-service's log (outbox) and eventgate_outbox_* metrics")
                    : late(placedAt, now, stuckAfter) ? Hop.stuck(name, "still in the outbox after "
                            + seconds(Duration.between(placedAt, now)) + "; is orders-service's relay running?")
                    : Hop.waiting(name, "in the outbox"));
            return journey;
        }
        hops.add(Hop.done("published to the bus (outbox relay)", publishedAt.get(), "event " + busEventId));
        Optional<JsonNode> toCarrier = busEventId.isEmpty() ? Optional.empty() : deliveries.apply(busEventId);
        if (shipment.isEmpty()) {
            String name = "delivered to the carrier (API destination)";
            Optional<String> failed = lastFailure(toCarrier, TO_CARRIER);
            hops.add(failed.isPresent()
                    ? Hop.stuck(name, "the bus could not deliver it: " + failed.get() + " (retried by the rule's policy,"
                            + " then carrier-delivery-dlq)" + carrierDown.map(down -> "; " + down).orElse(""))
                    : carrierDown.isPresent() ? Hop.stuck(name, carrierDown.get())
                    : late(publishedAt.get(), now, stuckAfter) ? Hop.stuck(name, "the carrier has no shipment "
                            + seconds(Duration.between(publishedAt.get(), now)) + " after publication"
                            + (toCarrier.isEmpty() ? "" : "; local-cloud made no delivery attempt (does a rule match?)"))
                    : Hop.waiting(name, "on its way"));
            return journey;
        }
        JsonNode ship = shipment.get();
        hops.add(Hop.done("delivered to the carrier (API destination)", instant(ship.path("receivedAt")).orElseThrow(),
                attempts(toCarrier, TO_CARRIER)));
        String shipmentStatus = ship.path("status").asString();
        if (shipmentStatus.equals("RECEIVED")) {
            hops.add(Hop.waiting("dispatched by the carrier", "the carrier has not dispatched it yet"));
            return journey;
        }
        instant(ship.path("shippedAt")).ifPresent(at -> hops.add(Hop.done("dispatched by the carrier", at,
                "tracking " + ship.path("trackingNumber").asString())));
        instant(ship.path("cancelledAt")).ifPresent(at -> hops.add(Hop.done("cancelled by the carrier", at,
                ship.path("cancelReason").asString())));
        for (JsonNode report : ship.path("reports")) {
            if (!reportHops(report, order, deliveries, now, stuckAfter, hops)) {
                return journey;
            }
        }
        return journey;
    }

    /** @return whether the report went all the way (the next may be shown) */
    private static boolean reportHops(JsonNode report, JsonNode order, Function<String, Optional<JsonNode>> deliveries,
            Instant now, Duration stuckAfter, List<Hop> hops) {
        String event = report.path("eventName").asString();
        String accepted = event + " accepted by the gateway";
        int attempts = report.path("attempts").asInt();
        String lastError = report.path("lastError").asString("");
        switch (report.path("state").asString()) {
            case "FAILED" -> {
                hops.add(Hop.stuck(accepted, "the gateway refused it for good after " + attempts + " attempt(s): "
                        + lastError));
                return false;
            }
            case "PENDING" -> {
                Instant since = instant(report.path("createdAt")).orElse(now);
                hops.add(attempts > 0 && !lastError.isEmpty()
                        ? Hop.stuck(accepted, "the carrier keeps retrying (" + attempts + " attempt(s)), last: "
                                + lastError)
                        : late(since, now, stuckAfter) ? Hop.stuck(accepted, "not sent "
                                + seconds(Duration.between(since, now)) + " after it was recorded; is the carrier's "
                                + "sender running?")
                        : Hop.waiting(accepted, "being sent"));
                return false;
            }
            default -> { }
        }
        String eventId = report.path("eventId").asString("");
        Instant sentAt = instant(report.path("sentAt")).orElseThrow();
        hops.add(Hop.done(accepted, sentAt, (eventId.isEmpty() ? "" : "event " + eventId + ", ") + attempts
                + " attempt(s)"));
        String applied = event + " applied by orders-service (inbox)";
        Optional<JsonNode> appliedEvent = eventId.isEmpty() ? Optional.empty() : stream(order.path("applied"))
                .filter(a -> a.path("eventId").asString().equals(eventId)).findFirst();
        if (appliedEvent.isPresent()) {
            hops.add(Hop.done(applied, instant(appliedEvent.get().path("appliedAt")).orElseThrow(), ""));
            return true;
        }
        Optional<JsonNode> toInbox = eventId.isEmpty() ? Optional.empty() : deliveries.apply(eventId);
        Optional<String> failed = lastFailure(toInbox, TO_INBOX);
        hops.add(failed.isPresent()
                ? Hop.stuck(applied, "the bus could not put it in the inbox queue: " + failed.get())
                : late(sentAt, now, stuckAfter) ? Hop.stuck(applied, "not applied "
                        + seconds(Duration.between(sentAt, now)) + " after the gateway took it"
                        + (toInbox.map(d -> "; " + attempts(Optional.of(d), TO_INBOX)).orElse(""))
                        + "; look in orders-inbox-dlq and orders-service's log")
                : Hop.waiting(applied, "on its way"));
        return false;
    }

    /** "N attempt(s), last HTTP 201" from the delivery log, or nothing when there is none. */
    private static String attempts(Optional<JsonNode> deliveries, String rule) {
        List<JsonNode> mine = ofRule(deliveries, rule);
        if (mine.isEmpty()) {
            return "";
        }
        return mine.size() + " delivery attempt(s), last " + describe(mine.getLast());
    }

    private static Optional<String> lastFailure(Optional<JsonNode> deliveries, String rule) {
        List<JsonNode> mine = ofRule(deliveries, rule);
        if (mine.isEmpty() || "delivered".equals(mine.getLast().path("outcome").asString())) {
            return Optional.empty();
        }
        return Optional.of(mine.size() + " attempt(s), last " + describe(mine.getLast()));
    }

    private static List<JsonNode> ofRule(Optional<JsonNode> deliveries, String rule) {
        return deliveries.map(d -> stream(d.path("deliveries"))
                .filter(attempt -> attempt.path("rule").asString().endsWith("/" + rule)).toList()).orElse(List.of());
    }

    private static String describe(JsonNode attempt) {
        String status = attempt.path("status").isMissingNode() || attempt.path("status").isNull()
                ? "" : "HTTP " + attempt.path("status").asString() + " ";
        String error = attempt.path("error").asString("");
        String time = attempt.path("time").asString("");
        return status + attempt.path("outcome").asString() + (error.isEmpty() ? "" : " (" + error + ")")
                + (time.isEmpty() ? "" : " at " + JourneyReport.time(Instant.parse(time)));
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    private static boolean late(Instant since, Instant now, Duration stuckAfter) {
        return Duration.between(since, now).compareTo(stuckAfter) > 0;
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    private static Optional<Instant> instant(JsonNode node) {
        return text(node).map(Instant::parse);
    }

    private static Optional<String> text(JsonNode node) {
        return node == null || !node.isString() || node.asString().isEmpty() ? Optional.empty()
                : Optional.of(node.asString());
    }
}
