package io.eventgate.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The events of the eventgate system and where the JSON Schema of each one's {@code detail} lives.
 *
 * <p>The schema files are JSON Schema draft 4 (the dialect API Gateway models accept), one file per
 * event and version, at {@code eventgate/schemas/{eventName}.v{version}.json} on the classpath. They are
 * the single source for the gateway model, the services' tests and the documentation.
 */
public enum EventContract {

    /** Published by orders-service (source {@code eventgate.orders}) once an order is stored. */
    ORDER_CREATED("OrderCreated", "1"),
    /** Reported by the carrier through the gateway when a parcel leaves the depot. */
    ORDER_SHIPPED("OrderShipped", "1"),
    /** Reported by the carrier through the gateway when the parcel reached the customer. */
    ORDER_DELIVERED("OrderDelivered", "1"),
    /** Reported by the carrier through the gateway when it can no longer ship the order. */
    ORDER_CANCELLED("OrderCancelled", "1");

    /** Classpath location of the schema of what partners POST to the gateway route. */
    public static final String GATEWAY_ENVELOPE_SCHEMA = "eventgate/schemas/GatewayEnvelope.v1.json";

    private final String eventName;
    private final String schemaVersion;

    EventContract(String eventName, String schemaVersion) {
        this.eventName = eventName;
        this.schemaVersion = schemaVersion;
    }

    /** The name used as EventBridge {@code detail-type} and as {@code metadata.eventName}. */
    public String eventName() {
        return eventName;
    }

    /** The value of {@code metadata.eventSchemaVersion} for this contract. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** Classpath location of this event's detail schema. */
    public String schemaResource() {
        return "eventgate/schemas/" + eventName + ".v" + schemaVersion + ".json";
    }

    /** The schema text of this event's detail. */
    public String schema() {
        return read(schemaResource());
    }

    /** The contract with this event name, if there is one. */
    public static Optional<EventContract> byEventName(String eventName) {
        return Arrays.stream(values()).filter(c -> c.eventName.equals(eventName)).findFirst();
    }

    /** Reads a schema shipped with this module, e.g. {@link #GATEWAY_ENVELOPE_SCHEMA}. */
    public static String read(String resource) {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema not on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
    }
}
