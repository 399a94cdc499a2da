package io.eventgate.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.eventgate.contracts.EventContract;

/** Checks report bodies against the event contracts: the gateway envelope and the event's own detail schema. */
public final class Contracts {

    private static final SchemaRegistry DRAFT_4 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

    private Contracts() {
    }

    /** Fails unless the body is a valid gateway envelope whose event matches its contract. */
    public static void assertConforms(String body) {
        assertThat(DRAFT_4.getSchema(EventContract.read(EventContract.GATEWAY_ENVELOPE_SCHEMA), InputFormat.JSON)
                .validate(body, InputFormat.JSON)).as("gateway envelope errors of %s", body).isEmpty();
        String eventName = RunningCarrier.json(body).path("metadata").path("eventName").asString();
        EventContract contract = EventContract.byEventName(eventName)
                .orElseThrow(() -> new AssertionError("no contract for event " + eventName));
        assertThat(DRAFT_4.getSchema(contract.schema(), InputFormat.JSON).validate(body, InputFormat.JSON))
                .as("%s schema errors of %s", eventName, body).isEmpty();
    }
}
