package io.eventgate.orders.inbox;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.eventgate.contracts.EventContract;
import io.eventgate.contracts.TraceParent;
import io.eventgate.orders.order.CarrierEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an SQS message body: an EventBridge envelope ({@code id}, {@code source}, {@code detail-type},
 * {@code detail}, ...) whose detail must satisfy the event's JSON Schema from event-contracts.
 */
@Component
class CarrierEventReader {

    private static final List<EventContract> CARRIER_EVENTS =
            List.of(EventContract.ORDER_SHIPPED, EventContract.ORDER_DELIVERED, EventContract.ORDER_CANCELLED);

    private final JsonMapper json;
    private final String acceptedSource;
    private final Map<EventContract, Schema> schemas = new EnumMap<>(EventContract.class);

    CarrierEventReader(JsonMapper json, InboxSettings settings) {
        this.json = json;
        this.acceptedSource = settings.acceptedSource();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        CARRIER_EVENTS.forEach(c -> schemas.put(c, registry.getSchema(c.schema())));
    }

    /** @throws UnreadableInboxMessageException when the body is not an applicable carrier event */
    InboundEvent read(String body) {
        JsonNode envelope;
        try {
            envelope = json.readTree(body);
        } catch (JacksonException e) {
            throw new UnreadableInboxMessageException("message body is not JSON", e);
        }
        if (envelope == null || !envelope.isObject()) {
            throw new UnreadableInboxMessageException("message body is not a JSON object");
        }
        String id = text(envelope, "id");
        String source = text(envelope, "source");
        String detailType = text(envelope, "detail-type");
        if (!acceptedSource.equals(source)) {
            throw new UnreadableInboxMessageException("event " + id + " has source " + source + ", only "
                    + acceptedSource + " is accepted");
        }
        EventContract contract = EventContract.byEventName(detailType).filter(CARRIER_EVENTS::contains)
                .orElseThrow(() -> new UnreadableInboxMessageException("event " + id + " has unknown detail-type "
                        + detailType));
        JsonNode detail = envelope.get("detail");
        if (detail == null || !detail.isObject()) {
            throw new UnreadableInboxMessageException("event " + id + " has no detail object");
        }
        List<Error> errors = schemas.get(contract).validate(detail);
        if (!errors.isEmpty()) {
            throw new UnreadableInboxMessageException("event " + id + " breaks the " + detailType + " contract: "
                    + errors.stream().map(Error::toString).collect(Collectors.joining("; ")));
        }
        if (!detailType.equals(detail.path("metadata").path("eventName").asString())) {
            throw new UnreadableInboxMessageException("event " + id + " has detail-type " + detailType
                    + " but metadata.eventName " + detail.path("metadata").path("eventName"));
        }
        JsonNode metadata = detail.get("metadata");
        return new InboundEvent(id, toEvent(id, contract, detail.get("data")), metadata.get("correlationId").asString(),
                TraceParent.parse(metadata.path(TraceParent.FIELD).asString(null)));
    }

    private static CarrierEvent toEvent(String id, EventContract contract, JsonNode data) {
        String orderId = data.get("orderId").asString();
        try {
            return switch (contract) {
                case ORDER_SHIPPED -> new CarrierEvent.OrderShipped(orderId, data.get("trackingNumber").asString(),
                        data.get("carrier").asString(), instant(data.get("shippedAt")));
                case ORDER_DELIVERED -> new CarrierEvent.OrderDelivered(orderId, instant(data.get("deliveredAt")));
                case ORDER_CANCELLED -> new CarrierEvent.OrderCancelled(orderId, data.get("reason").asString(),
                        Optional.ofNullable(data.get("cancelledAt")).map(CarrierEventReader::instant));
                default -> throw new UnreadableInboxMessageException("event " + id + " is not a carrier event");
            };
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new UnreadableInboxMessageException("event " + id + " has an unreadable field: " + e.getMessage(), e);
        }
    }

    private static Instant instant(JsonNode node) {
        // RFC 3339 date-times may carry an offset; Instant.parse accepts both Z and +hh:mm since JDK 12.
        return Instant.parse(node.asString());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new UnreadableInboxMessageException("envelope field '" + field + "' is missing or not a string");
        }
        return value.asString();
    }
}
