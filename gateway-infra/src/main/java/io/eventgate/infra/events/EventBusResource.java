package io.eventgate.infra.events;

import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.NamedResource;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

/** The custom event bus everything is published to. */
public final class EventBusResource extends NamedResource {

    private final String bus;
    private final EventBridgeClient events;

    public EventBusResource(String bus, EventBridgeClient events) {
        super("eventbridge bus", bus);
        this.bus = bus;
        this.events = events;
    }

    public static String arnFact(String bus) {
        return "events.bus." + bus + ".arn";
    }

    @Override
    public Change plan(Facts facts) {
        Optional<String> arn = describe();
        if (arn.isEmpty()) {
            return Change.create(() -> facts.put(arnFact(bus),
                    events.createEventBus(b -> b.name(bus)).eventBusArn()));
        }
        facts.put(arnFact(bus), arn.get());
        return Change.none();
    }

    @Override
    public Change planDeletion(Facts facts) {
        return describe().isEmpty() ? Change.none() : Change.delete(() -> events.deleteEventBus(b -> b.name(bus)));
    }

    private Optional<String> describe() {
        try {
            return Optional.of(events.describeEventBus(b -> b.name(bus)).arn());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }
}
