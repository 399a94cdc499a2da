package io.eventgate.deploy.gateway;

import io.eventgate.infra.events.ArchiveResource;
import io.eventgate.infra.events.EventBusResource;
import software.amazon.awscdk.services.events.CfnArchive;
import software.amazon.awscdk.services.events.EventBus;
import software.constructs.Construct;

/**
 * The custom bus and its archive. The archive is the L1 resource because the L2 one requires an event pattern, and
 * gateway-infra's archive has none: it keeps every event.
 */
final class Bus extends Construct {

    private final Built built;

    Bus(Construct scope, Built built) {
        super(scope, "Bus");
        this.built = built;
    }

    void add(EventBusResource resource) {
        EventBus bus = EventBus.Builder.create(this, Ids.of(resource.name())).eventBusName(resource.name()).build();
        built.buses.put(resource.name(), bus);
        built.facts.put(EventBusResource.arnFact(resource.name()), bus.getEventBusArn());
    }

    void add(ArchiveResource resource) {
        EventBus bus = Built.require(built.buses, resource.bus(), "event bus");
        CfnArchive archive = CfnArchive.Builder.create(this, Ids.of(resource.name()))
                .archiveName(resource.name())
                .sourceArn(bus.getEventBusArn())
                .retentionDays(resource.retentionDays())
                .description("Every event on " + resource.bus() + ", for replay")
                .build();
        built.facts.put(ArchiveResource.arnFact(resource.name()), archive.getAttrArn());
    }
}
