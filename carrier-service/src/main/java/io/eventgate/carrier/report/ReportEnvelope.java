package io.eventgate.carrier.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.eventgate.contracts.EventContract;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders the body the gateway route expects:
 * {@code {"metadata":{"source":"com.carrier","eventName":..,"eventSchemaVersion":..,"correlationId":..,
 * "traceparent":..},"data":{..}}} — {@code traceparent} (the order's trace) only when the shipment has one.
 */
@Component
public class ReportEnvelope {

    /** The EventBridge source the gateway publishes carrier reports under, and which the bus rule matches. */
    public static final String SOURCE = "com.carrier";

    private final JsonMapper json;

    ReportEnvelope(JsonMapper json) {
        this.json = json;
    }

    /** The envelope of one event, outside any trace, as JSON text. */
    public String render(EventContract contract, String correlationId, Map<String, Object> data) {
        return render(contract, correlationId, null, data);
    }

    /** The envelope of one event in the order's trace ({@code traceparent} may be {@code null}), as JSON text. */
    public String render(EventContract contract, String correlationId, String traceparent, Map<String, Object> data) {
        var metadata = new Metadata(SOURCE, contract.eventName(), contract.schemaVersion(), correlationId, traceparent);
        return json.writeValueAsString(new Envelope(metadata, data));
    }

    private record Envelope(Metadata metadata, Map<String, Object> data) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Metadata(String source, String eventName, String eventSchemaVersion, String correlationId,
            String traceparent) {
    }
}
