package io.eventgate.localcloud.events;

import io.eventgate.localcloud.events.delivery.Delivery;
import io.eventgate.localcloud.events.delivery.DeliveryDispatcher;
import io.eventgate.localcloud.events.delivery.DeliveryResult;
import io.eventgate.localcloud.events.delivery.EventIngestion;
import io.eventgate.localcloud.events.archive.Archives;
import io.eventgate.localcloud.events.archive.ReplayTarget;
import io.eventgate.localcloud.events.input.TargetInput;
import io.eventgate.localcloud.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Matches an event against a bus's rules and hands one delivery per target of each matching rule to the dispatcher. */
final class EventRouter implements EventIngestion, ReplayTarget {

    private final Buses buses;
    private final DeliveryDispatcher dispatcher;
    private final Clock clock;
    private final Archives archives;

    EventRouter(Buses buses, DeliveryDispatcher dispatcher, Clock clock, Archives archives) {
        this.buses = buses;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.archives = archives;
    }

    /** Routes an event put by a caller; waits for room in the dispatcher rather than drop anything. */
    void route(EventBus bus, JsonNode event, String eventJson, Instant ingestionTime) throws InterruptedException {
        archives.archive(bus.arn(), eventJson, ingestionTime);
        dispatcher.submit(deliveries(bus, event, eventJson, ingestionTime, rule -> true));
    }

    /** Bus-to-bus: the event, as the source rule's target rendered it, arrives on another bus. */
    @Override
    public DeliveryResult ingest(String busArn, String eventJson) {
        Optional<EventBus> bus = buses.find(Arns.busName(busArn));
        if (bus.isEmpty() || !bus.get().arn().equals(busArn)) {
            return new DeliveryResult.Failed("RESOURCE_NOT_FOUND", "Event bus " + busArn + " does not exist");
        }
        JsonNode event;
        try {
            event = Json.parse(eventJson);
        } catch (JacksonException e) {
            return new DeliveryResult.Failed("INVALID_JSON", "The target input is not an event");
        }
        if (!event.isObject() || !event.hasNonNull("source") || !event.hasNonNull("detail-type")
                || !event.path("detail").isObject()) {
            return new DeliveryResult.Failed("INVALID_PARAMETER",
                    "The target input is not an event (source, detail-type and detail are required)");
        }
        Instant ingestionTime = clock.instant();
        archives.archive(bus.get().arn(), eventJson, ingestionTime);
        List<Delivery> deliveries = deliveries(bus.get(), event, eventJson, ingestionTime, rule -> true);
        return dispatcher.trySubmit(deliveries) ? DeliveryResult.delivered()
                : new DeliveryResult.Retryable("THROTTLING", "delivery queue is full");
    }

    /** A replayed event: matched like a new one, delivered only to the chosen rules (every rule when none is named). */
    @Override
    public boolean replay(String busArn, String eventJson, Set<String> ruleArns) throws InterruptedException {
        Optional<EventBus> bus = buses.find(Arns.busName(busArn)).filter(b -> b.arn().equals(busArn));
        if (bus.isEmpty()) {
            return false;
        }
        dispatcher.submit(deliveries(bus.get(), Json.parse(eventJson), eventJson, clock.instant(),
                rule -> ruleArns.isEmpty() || ruleArns.contains(rule.arn())));
        return true;
    }

    private List<Delivery> deliveries(EventBus bus, JsonNode event, String eventJson, Instant ingestionTime,
                                      Predicate<Rule> chosen) {
        List<Rule> rules = bus.match(eventJson).stream().filter(chosen).toList();
        if (rules.isEmpty()) {
            return List.of();
        }
        String eventId = event.path("id").asString("");
        List<Delivery> deliveries = new ArrayList<>();
        for (Rule rule : rules) {
            var matched = new TargetInput.MatchedEvent(event, eventJson, rule.arn(), rule.name(), ingestionTime);
            for (Target target : rule.targets()) {
                deliveries.add(new Delivery(Delivery.nextId(), eventId, eventJson, target.input().render(matched), rule.arn(),
                        target.id(), target.arn(), target.spec(), target.retryPolicy(), target.deadLetterArn(),
                        ingestionTime));
            }
        }
        return deliveries;
    }
}
