package io.eventgate.carrier.report;

import io.eventgate.contracts.EventContract;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders the body the gateway route expects:
 * {@code {"metadata":{"source":"com.carrier","eventName":..,"eventSchemaVersion":..,"correlationId":..},"data":{..}}}.
 */
@Component
public class ReportEnvelope {

    /** The EventBridge source the gateway publishes carrier reports under, and which the bus rule matches. */
    public static final String SOURCE = "com.carrier";

    private final JsonMapper json;

    ReportEnvelope(JsonMapper json) {
        this.json = json;
    }

    /** The envelope of one event, as JSON text. */
    public String render(EventContract contract, String correlationId, Map<String, Object> data) {
        var metadata = new Metadata(SOURCE, contract.eventName(), contract.schemaVersion(), correlationId);
        return json.writeValueAsString(new Envelope(metadata, data));
    }

    private record Envelope(Metadata metadata, Map<String, Object> data) {
    }

    private record Metadata(String source, String eventName, String eventSchemaVersion, String correlationId) {
    }
}
