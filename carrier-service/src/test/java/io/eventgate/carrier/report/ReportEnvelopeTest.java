package io.eventgate.carrier.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgate.carrier.Contracts;
import io.eventgate.contracts.EventContract;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReportEnvelopeTest {

    private final ReportEnvelope envelope = new ReportEnvelope(JsonMapper.builder().build());

    @Test
    void rendersTheGatewayEnvelope() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", "o-1");
        data.put("deliveredAt", "2026-11-22T10:00:00Z");

        String body = envelope.render(EventContract.ORDER_DELIVERED, "corr-1", data);

        assertThat(body).isEqualTo("{\"metadata\":{\"source\":\"com.carrier\",\"eventName\":\"OrderDelivered\","
                + "\"eventSchemaVersion\":\"1\",\"correlationId\":\"corr-1\"},"
                + "\"data\":{\"orderId\":\"o-1\",\"deliveredAt\":\"2026-11-22T10:00:00Z\"}}");
        Contracts.assertConforms(body);
    }
}
