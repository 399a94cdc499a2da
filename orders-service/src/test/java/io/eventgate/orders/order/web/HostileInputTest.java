package io.eventgate.orders.order.web;

import static io.eventgate.orders.order.web.OrdersApiTest.badFields;
import static io.eventgate.orders.order.web.OrdersApiTest.json;
import static io.eventgate.orders.order.web.OrdersApiTest.orderJson;
import static io.eventgate.orders.order.web.OrdersApiTest.storedItemsMentioning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgate.orders.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Inputs that are valid JSON but used to make the orders API answer 500, store a different string than was sent,
 * or round a price: each is a 400 naming the field now (or stored exactly), and nothing is stored for a refusal.
 */
class HostileInputTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final List<String> TEXT_FIELDS = List.of("customerId", "items[0].sku", "shippingAddress.name",
            "shippingAddress.line1", "shippingAddress.line2", "shippingAddress.city", "shippingAddress.postalCode");

    @LocalServerPort
    int port;

    private HttpResponse<String> post(byte[] body, String contentType) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/orders"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post(body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A valid order whose customerId is a fresh marker, with {@code field} (a client path) set to raw JSON text. */
    private static String orderWith(String marker, String field, String rawJsonValue) {
        ObjectNode order = (ObjectNode) JSON.readTree(orderJson(marker));
        String placeholder = "@@" + UUID.randomUUID() + "@@";
        switch (field) {
            case "customerId" -> {
                order.put("customerId", placeholder);
                ((ObjectNode) order.get("shippingAddress")).put("line1", marker);
            }
            case "items[0].sku" -> ((ObjectNode) order.get("items").get(0)).put("sku", placeholder);
            case "items[0].unitPrice" -> ((ObjectNode) order.get("items").get(0)).put("unitPrice", placeholder);
            case "items[0].quantity" -> ((ObjectNode) order.get("items").get(0)).put("quantity", placeholder);
            default -> ((ObjectNode) order.get("shippingAddress")).put(field.substring("shippingAddress.".length()), placeholder);
        }
        return JSON.writeValueAsString(order).replace("\"" + placeholder + "\"", rawJsonValue);
    }

    static Stream<Arguments> blankStrings() {
        List<String> blanks = List.of("\" \"", "\"   \"", "\"\\u3000\"", "\"\\u00a0\"", "\"\\u200b\"", "\"\\ufeff \"");
        return TEXT_FIELDS.stream().flatMap(field -> blanks.stream().map(blank -> Arguments.of(field, blank)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("blankStrings")
    void refusesABlankStringInAnyFieldNamingIt(String field, String blank) throws Exception {
        String marker = "hostile-" + UUID.randomUUID();

        HttpResponse<String> response = post(orderWith(marker, field, blank));

        assertThat(badFields(response)).containsExactly(field);
        assertThat(json(response).at("/errors/0/message").asString()).isEqualTo("must not be blank");
        assertThat(storedItemsMentioning(marker)).isEmpty();
    }

    static Stream<Arguments> oddText() {
        return Stream.of(
                Arguments.of("\"\\ud800\"", "unpaired surrogate"),
                Arguments.of("\"Ada \\udfff\"", "unpaired surrogate"),
                Arguments.of("\"\\ud83d\"", "unpaired surrogate"),
                Arguments.of("\"\\ufffe\"", "noncharacter"),
                Arguments.of("\"Ada\\ufdd0\"", "noncharacter"),
                Arguments.of("\"\\udbff\\udfff\"", "noncharacter"),
                Arguments.of("\"A\\u0000B\"", "control character"),
                Arguments.of("\"A\\u0007B\"", "control character"),
                Arguments.of("\"\\u001b[31mred\"", "control character"),
                Arguments.of("\"line\\nbreak\"", "control character"),
                Arguments.of("\"A\\u0085B\"", "control character"),
                Arguments.of("\"A\\u2028B\"", "line break"),
                Arguments.of("\"A\\u202eB\"", "bidirectional"),
                Arguments.of("\"A\\u2066B\"", "bidirectional"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddText")
    void refusesTextThatCannotSurviveTheTripNamingTheField(String value, String rule) throws Exception {
        for (String field : TEXT_FIELDS) {
            String marker = "odd-" + UUID.randomUUID();

            HttpResponse<String> response = post(orderWith(marker, field, value));

            assertThat(badFields(response)).as(field).containsExactly(field);
            assertThat(json(response).at("/errors/0/message").asString()).contains(rule);
            assertThat(storedItemsMentioning(marker)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"c0af", "c181", "e080af", "c080", "eda080", "f4908080", "80", "e9", "ff"})
    void refusesABodyThatIsNotStrictUtf8(String badBytes) throws Exception {
        String marker = "utf8-" + UUID.randomUUID();
        String[] halves = orderWith(marker, "shippingAddress.name", "\"A@@B\"").split("@@");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(halves[0].getBytes(StandardCharsets.UTF_8));
        body.writeBytes(HexFormat.of().parseHex(badBytes));
        body.writeBytes(halves[1].getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = post(body.toByteArray(), "application/json");

        assertThat(badFields(response)).containsExactly("(body)");
        assertThat(storedItemsMentioning(marker)).isEmpty();
    }

    @Test
    void refusesAFieldNamedTwice() throws Exception {
        String marker = "dup-" + UUID.randomUUID();

        HttpResponse<String> response = post(orderJson(marker).replaceFirst("\\{", "{\"customerId\":\"someone-else\","));

        assertThat(badFields(response)).containsExactly("(body)");
        assertThat(storedItemsMentioning(marker)).isEmpty();
    }

    @Test
    void refusesUtf16AndOtherCharsets() throws Exception {
        String marker = "charset-" + UUID.randomUUID();

        HttpResponse<String> utf16 = post(orderJson(marker).getBytes(StandardCharsets.UTF_16LE), "application/json");
        HttpResponse<String> latin1 = post(orderJson(marker).getBytes(StandardCharsets.ISO_8859_1),
                "application/json; charset=ISO-8859-1");

        assertThat(badFields(utf16)).containsExactly("(body)");
        assertThat(latin1.statusCode()).isEqualTo(415);
        assertThat(latin1.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(storedItemsMentioning(marker)).isEmpty();
    }

    @Test
    void storesPublishesAndAnswersUnusualButValidTextExactlyAsSent() throws Exception {
        String marker = "unicode-" + UUID.randomUUID();
        String name = "Zoë Zoe\u0308 東京 \uD83D\uDE00 O'Brien \uE000 \u200F\u05D0";
        ObjectNode order = (ObjectNode) JSON.readTree(orderJson(marker));
        ((ObjectNode) order.get("shippingAddress")).put("name", name);

        HttpResponse<String> created = post(JSON.writeValueAsString(order));

        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).get("id").asString();
        assertThat(json(created).at("/shippingAddress/name").asString()).isEqualTo(name);
        assertThat(json(get("/orders/" + id)).at("/shippingAddress/name").asString()).isEqualTo(name);
        assertThat(storedItemsMentioning(marker)).anySatisfy(item -> assertThat(item).contains(name));
        JsonNode entry = await().atMost(Duration.ofSeconds(10)).until(
                () -> EVENT_BRIDGE.entries().stream().filter(e -> e.get("Detail").asString().contains(id)).findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(JSON.readTree(entry.get("Detail").asString()).at("/data/shippingAddress/name").asString())
                .isEqualTo(name);
    }

    @ParameterizedTest(name = "unitPrice {0}")
    @ValueSource(strings = {"1e-131", "1E-400", "1e-999999999", "0.001", "0.005", "9.999999999999999999999999999999999999999",
            "1234567890123456789012345678901234567890", "12345678901234567890123456789012345678.90", "1e400",
            "1e999999999", "1000000000.01", "-0.01", "\"9.99\"", "true", "null"})
    void refusesAPriceThatIsOutOfRangeOrWouldNeedRounding(String price) throws Exception {
        String marker = "price-" + UUID.randomUUID();

        HttpResponse<String> response = post(orderWith(marker, "items[0].unitPrice", price));

        assertThat(badFields(response)).containsExactly("items[0].unitPrice");
        assertThat(storedItemsMentioning(marker)).isEmpty();
    }

    @ParameterizedTest(name = "quantity {0}")
    @ValueSource(strings = {"0", "10001", "2147483648", "9223372036854775808", "1.5", "1e999999999", "\"2\""})
    void refusesAQuantityThatIsOutOfRangeOrNotAWholeNumber(String quantity) throws Exception {
        String marker = "qty-" + UUID.randomUUID();

        HttpResponse<String> response = post(orderWith(marker, "items[0].quantity", quantity));

        assertThat(badFields(response)).containsExactly("items[0].quantity");
        assertThat(storedItemsMentioning(marker)).isEmpty();
    }

    @Test
    void keepsMoneyExactAtTwoDecimalsEverywhere() throws Exception {
        String marker = "money-" + UUID.randomUUID();
        String body = orderWith(marker, "items[0].unitPrice", "0.1").replace("\"quantity\":2", "\"quantity\":3")
                .replace("\"unitPrice\":0}", "\"unitPrice\":1000000000}").replace("\"quantity\":1", "\"quantity\":10000");

        HttpResponse<String> created = post(body);

        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).get("id").asString();
        for (String answer : List.of(created.body(), get("/orders/" + id).body())) {
            // 3 x 0.1 is 0.30, not 0.30000000000000004; the largest line is exact too
            assertThat(answer).contains("\"unitPrice\":0.10").contains("\"unitPrice\":1000000000.00")
                    .contains("\"total\":10000000000000.30");
        }
        JsonNode entry = await().atMost(Duration.ofSeconds(10)).until(
                () -> EVENT_BRIDGE.entries().stream().filter(e -> e.get("Detail").asString().contains(id)).findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(entry.get("Detail").asString()).contains("\"unitPrice\":0.10").contains("\"total\":10000000000000.30");
    }

    @Test
    void storesTheLargestOrderTheRulesAllow() throws Exception {
        String wide = "東";
        ObjectNode order = (ObjectNode) JSON.readTree(orderJson(wide.repeat(64)));
        var items = order.putArray("items");
        for (int i = 0; i < 100; i++) {
            items.addObject().put("sku", String.format("%03d", i) + wide.repeat(61)).put("quantity", 10_000)
                    .put("unitPrice", new java.math.BigDecimal("1000000000.00"));
        }
        ObjectNode address = (ObjectNode) order.get("shippingAddress");
        address.put("name", wide.repeat(200)).put("line1", wide.repeat(200)).put("line2", wide.repeat(200))
                .put("city", wide.repeat(100)).put("postalCode", wide.repeat(20));

        HttpResponse<String> created = post(JSON.writeValueAsString(order));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("total").decimalValue()).isEqualByComparingTo("1000000000000000.00");
    }

    @Test
    void refusesAnIdThatCannotBeAnOrderIdBeforeAskingTheStore() throws Exception {
        for (String id : List.of("x".repeat(3_000), "x".repeat(2_048), "not-an-order", UUID.randomUUID().toString().toUpperCase(),
                "00000000-0000-0000-0000-000000000000", "%20", "%F0%9F%98%80")) {
            assertThat(badFields(get("/orders/" + id))).as(id).containsExactly("id");
        }
        HttpResponse<String> unknown = get("/orders/" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void refusesACursorThatNoPageHandedOut() throws Exception {
        List<String> cursors = new ArrayList<>();
        for (String plain : List.of(
                "{\"pk\":\"order#" + "x".repeat(3_000) + "\",\"status\":\"PENDING\",\"createdAt\":\"2026-01-01T00:00:00.000000Z\"}",
                "{\"pk\":\"order#" + UUID.randomUUID() + "\",\"status\":\"PENDING\",\"createdAt\":\"" + "9".repeat(2_000) + "\"}",
                "{\"pk\":\"order#" + UUID.randomUUID() + "\",\"status\":\"PENDING\",\"createdAt\":\"yesterday\"}")) {
            cursors.add(Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
        }
        for (String cursor : cursors) {
            assertThat(badFields(get("/orders?status=PENDING&cursor=" + cursor, "Authorization", operatorAuthorization())))
                    .containsExactly("cursor");
        }
    }
}
