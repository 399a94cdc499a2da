package io.eventgate.carrier.shipment;

import static io.eventgate.carrier.RunningCarrier.json;
import static io.eventgate.carrier.RunningCarrier.shipmentRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventgate.carrier.RunningCarrier;
import io.eventgate.carrier.RunningCarrierTest;
import io.eventgate.web.testing.RawHttp;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /shipments} takes its contract literally: no value is coerced into another type, the body is capped,
 * and text that could not travel unchanged is refused — each a problem naming the field, with nothing stored.
 */
class StrictShipmentRequestTest extends RunningCarrierTest {

    private static List<String> fields(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        List<String> fields = new ArrayList<>();
        json(response.body()).path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    private static void assertNothingStoredFor(String orderId) {
        assertThat(carrier.get("/shipments/" + orderId).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "orderId | 12345", "orderId | 1.5", "orderId | true", "orderId | []", "orderId | {}",
            "customerId | 42", "customerId | false", "correlationId | 7",
            "items[0].sku | 5", "items[0].sku | true",
            "items[0].quantity | \"2\"", "items[0].quantity | 1.5", "items[0].quantity | true", "items[0].quantity | \"1e2\"",
            "shipTo.name | 1", "shipTo.line2 | 0", "shipTo.postalCode | 10115", "shipTo.country | 49",
            "items | \"SKU-1\"", "shipTo | \"Berlin\""})
    void refusesAValueOfTheWrongTypeInsteadOfCoercingIt(String field, String rawValue) {
        String orderId = "o-" + UUID.randomUUID();
        String body = withRaw(orderId, field, rawValue);

        HttpResponse<String> response = carrier.requestShipment(body, null);

        assertThat(fields(response)).containsExactly(field.equals("orderId") ? "orderId" : field);
        if (!field.equals("orderId")) {
            assertNothingStoredFor(orderId);
        }
        if (rawValue.matches("[\\w.]+")) {
            assertNothingStoredFor(rawValue);
        }
    }

    /** A valid request for the order with one field (a client path) replaced by raw JSON. */
    private static String withRaw(String orderId, String field, String raw) {
        String body = shipmentRequest(orderId, "SKU-1");
        String rawValue = java.util.regex.Matcher.quoteReplacement(raw);
        return switch (field) {
            case "orderId" -> body.replace("\"orderId\":\"" + orderId + "\"", "\"orderId\":" + raw);
            case "customerId" -> body.replace("\"customerId\":\"cust-1\"", "\"customerId\":" + raw);
            case "correlationId" -> body.replace("\"correlationId\":\"corr-" + orderId + "\"", "\"correlationId\":" + raw);
            case "items[0].sku" -> body.replace("\"sku\":\"SKU-1\"", "\"sku\":" + raw);
            case "items[0].quantity" -> body.replace("\"quantity\":1", "\"quantity\":" + raw);
            case "items" -> body.replaceFirst("\"items\":\\[.*?\\]", "\"items\":" + rawValue);
            case "shipTo" -> body.replaceFirst("\"shipTo\":\\{.*?\\}", "\"shipTo\":" + rawValue);
            case "shipTo.line2" -> body.replace("\"line1\":\"1 Main St\"", "\"line1\":\"1 Main St\",\"line2\":" + raw);
            default -> {
                String name = field.substring("shipTo.".length());
                yield body.replaceFirst("\"" + name + "\":\"[^\"]*\"", "\"" + name + "\":" + rawValue);
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\" \"", "\"\\u3000\"", "\"\\ud800\"", "\"A\\u0000B\"", "\"A\\u0007B\"", "\"\\ufffe\"",
            "\"A\\u202eB\"", "\"A\\nB\""})
    void refusesTextThatCouldNotTravelUnchanged(String rawValue) {
        for (String field : List.of("customerId", "items[0].sku", "shipTo.name", "shipTo.line1", "shipTo.line2",
                "shipTo.city", "shipTo.postalCode")) {
            String orderId = "o-" + UUID.randomUUID();

            HttpResponse<String> response = carrier.requestShipment(withRaw(orderId, field, rawValue), null);

            assertThat(fields(response)).as(field).containsExactly(field);
            assertNothingStoredFor(orderId);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"c0af", "eda080", "f4908080", "ff", "e9"})
    void refusesABodyThatIsNotStrictUtf8(String badBytes) {
        String orderId = "o-" + UUID.randomUUID();
        String[] halves = shipmentRequest(orderId, "SKU-1").replace("Ada Lovelace", "A@@B").split("@@");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(halves[0].getBytes(StandardCharsets.UTF_8));
        body.writeBytes(HexFormat.of().parseHex(badBytes));
        body.writeBytes(halves[1].getBytes(StandardCharsets.UTF_8));

        RawHttp.Response response = RawHttp.exchange(carrier.port(), request(body.toByteArray()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("content-type")).hasValue("application/problem+json");
        assertNothingStoredFor(orderId);
    }

    private static byte[] request(byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST /shipments HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + "x-api-key: " + RunningCarrier.API_KEY + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return request.toByteArray();
    }

    @Test
    void refusesABodyOverTheCapWith413DeclaredOrStreamed() {
        String orderId = "o-" + UUID.randomUUID();
        String huge = shipmentRequest(orderId, "SKU-1").replace("Ada Lovelace", "x".repeat(11_000_000));

        RawHttp.Response declared = RawHttp.exchange(carrier.port(), request(huge.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        chunked.writeBytes(("POST /shipments HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + "x-api-key: " + RunningCarrier.API_KEY + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] piece = "x".repeat(16_384).getBytes(StandardCharsets.ISO_8859_1);
        String start = "{\"orderId\":\"" + orderId + "\",\"shipTo\":{\"name\":\"";
        chunked.writeBytes((Integer.toHexString(start.length()) + "\r\n" + start + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < 8; i++) {
            chunked.writeBytes("4000\r\n".getBytes(StandardCharsets.ISO_8859_1));
            chunked.writeBytes(piece);
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        RawHttp.Response streamed = RawHttp.exchange(carrier.port(), chunked.toByteArray());

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.header("content-type")).hasValue("application/problem+json");
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(streamed.header("content-type")).hasValue("application/problem+json");
        assertNothingStoredFor(orderId);
    }

    @Test
    void refusesAFieldNamedTwice() {
        String orderId = "o-" + UUID.randomUUID();
        String body = shipmentRequest(orderId, "SKU-1").replaceFirst("\\{", "{\"orderId\":\"o-someone-else\",");

        HttpResponse<String> response = carrier.requestShipment(body, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertNothingStoredFor(orderId);
        assertNothingStoredFor("o-someone-else");
    }

    @Test
    void anUnauthenticatedBodyIsNeverRead() {
        String orderId = "o-" + UUID.randomUUID();
        String huge = shipmentRequest(orderId, "SKU-1").replace("Ada Lovelace", "x".repeat(11_000_000));

        RawHttp.Response response = RawHttp.request(carrier.port(), "POST", "/shipments", huge,
                "Content-Type: application/json");

        assertThat(response.status()).as("401 before the 413: the key is checked first").isEqualTo(401);
    }

    @Test
    void keepsValidUnicodeExactlyAsSent() {
        String orderId = "o-" + UUID.randomUUID();
        String name = "Zoë Zoe\u0308 東京 \uD83D\uDE00";

        HttpResponse<String> response = carrier.requestShipment(
                shipmentRequest(orderId, "SKU-1").replace("Ada Lovelace", name), null);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode stored = carrier.shipment(orderId);
        assertThat(stored.path("shipTo").path("name").asString()).isEqualTo(name);
    }
}
