package io.eventgate.localcloud.events;

import io.eventgate.localcloud.edge.AwsException;
import io.eventgate.localcloud.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code CreateEventBus}, {@code DescribeEventBus}, {@code ListEventBuses}, {@code DeleteEventBus}. */
final class BusOperations {

    private final Buses buses;

    BusOperations(Buses buses) {
        this.buses = buses;
    }

    JsonNode create(JsonNode input) {
        String name = Params.name(input, "Name", Params.BUS_NAME, 256);
        if (input.hasNonNull("EventSourceName")) {
            throw AwsException.validation("local-cloud does not serve partner event sources (EventSourceName).");
        }
        EventBus bus = buses.create(name, Params.optional(input, "Description"))
                .orElseThrow(() -> AwsException.alreadyExists("Event bus " + name + " already exists."));
        buses.tag(bus.arn(), TagOperations.read(input.path("Tags")));
        return Json.object().put("EventBusArn", bus.arn());
    }

    JsonNode describe(JsonNode input) {
        String name = Arns.busName(Params.optional(input, "Name").orElse(null));
        return render(buses.require(name));
    }

    JsonNode list(JsonNode input) {
        String prefix = Params.optional(input, "NamePrefix").orElse("");
        var matching = buses.all().stream().filter(b -> b.name().startsWith(prefix)).toList();
        return Params.page(input, matching, Json.object(), "EventBuses", this::render);
    }

    JsonNode delete(JsonNode input) {
        String name = Arns.busName(Params.name(input, "Name", Params.BUS_NAME, 256));
        if (Arns.DEFAULT_BUS.equals(name)) {
            throw AwsException.validation("Cannot delete event bus default.");
        }
        buses.delete(name);
        return Json.object();
    }

    private ObjectNode render(EventBus bus) {
        ObjectNode node = Json.object().put("Name", bus.name()).put("Arn", bus.arn());
        bus.description().ifPresent(d -> node.put("Description", d));
        node.put("CreationTime", epochSeconds(bus.created()));
        node.put("LastModifiedTime", epochSeconds(bus.created()));
        return node;
    }

    static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }
}
