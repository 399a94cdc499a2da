package io.eventgate.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTest {

    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final SchemaRegistry DRAFT_4 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

    @Test
    void readsAVersion00Context() {
        TraceParent context = TraceParent.parse(VALID).orElseThrow();
        assertThat(context.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(context.parentId()).isEqualTo("00f067aa0ba902b7");
        assertThat(context.sampled()).isTrue();
        assertThat(context).hasToString(VALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "$.detail.metadata.traceparent", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", VALID + "\n", VALID + "-extra", " " + VALID,
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1"})
    void ignoresAnythingElse(String text) {
        assertThat(TraceParent.parse(text)).isEmpty();
    }

    @Test
    void convertsToAnXRayTraceHeader() {
        assertThat(TraceParent.parse(VALID).orElseThrow().xRayTraceHeader())
                .isEqualTo("Root=1-4bf92f35-77b34da6a3ce929d0e0e4736;Parent=00f067aa0ba902b7;Sampled=1");
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00").orElseThrow()
                .xRayTraceHeader()).endsWith(";Sampled=0");
    }

    @ParameterizedTest
    @EnumSource(EventContract.class)
    void everyEventSchemaChecksTheFieldWithThePattern(EventContract contract) {
        JsonNode schema = JsonMapper.shared().readTree(contract.schema());
        assertThat(schema.at("/properties/metadata/properties/traceparent/pattern").asString())
                .isEqualTo(TraceParent.PATTERN);
    }

    @Test
    void theGatewayEnvelopeChecksTheFieldWithThePattern() {
        String envelope = EventContract.read(EventContract.GATEWAY_ENVELOPE_SCHEMA);
        assertThat(JsonMapper.shared().readTree(envelope).at("/properties/metadata/properties/traceparent/pattern")
                .asString()).isEqualTo(TraceParent.PATTERN);
        assertThat(validate(envelope, body(VALID))).isEmpty();
        assertThat(validate(envelope, body("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\\n")))
                .extracting(Error::getKeyword).containsExactly("pattern");
        assertThat(validate(envelope, body("<script>"))).extracting(Error::getKeyword).containsExactly("pattern");
    }

    private static String body(String traceparent) {
        return "{\"metadata\":{\"source\":\"com.carrier\",\"eventName\":\"OrderShipped\",\"eventSchemaVersion\":\"1\","
                + "\"traceparent\":\"" + traceparent + "\"},\"data\":{}}";
    }

    private static List<Error> validate(String schema, String json) {
        return DRAFT_4.getSchema(schema, InputFormat.JSON).validate(json, InputFormat.JSON);
    }
}
