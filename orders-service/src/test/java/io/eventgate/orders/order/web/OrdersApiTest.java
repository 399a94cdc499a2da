package io.eventgate.orders.order.web;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.eventgate.contracts.EventContract;
import io.eventgate.orders.support.IntegrationTest;
import io.eventgate.orders.support.TestCloud;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OrdersApiTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    static String orderJson(String customerId) {
        return """
                {"customerId":"%s",
                 "items":[{"sku":"SKU-1","quantity":2,"unitPrice":10.25},{"sku":"SKU-2","quantity":1,"unitPrice":0}],
                 "shippingAddress":{"name":"Ada Lovelace","line1":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}
                """.formatted(customerId);
    }

    HttpResponse<String> post(String body, String contentType, Optional<String> idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/orders"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        idempotencyKey.ifPresent(key -> request.header("Idempotency-Key", key));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String body) throws Exception {
        return post(body, "application/json", Optional.empty());
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as the operator (listing orders needs the operator credential). */
    HttpResponse<String> getAsOperator(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", operatorAuthorization()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static List<String> badFields(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        List<String> fields = new ArrayList<>();
        json(response).get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    @Test
    void placesAPendingOrderAndAnswers201WithLocation() throws Exception {
        HttpResponse<String> created = post(orderJson("cust-201"));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode order = json(created);
        String id = order.get("id").asString();
        assertThat(created.headers().firstValue("Location")).contains("/orders/" + id);
        assertThat(order.get("status").asString()).isEqualTo("PENDING");
        assertThat(order.get("reason").asString()).isEqualTo("Waiting for shipping");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("20.50");
        assertThat(order.get("items")).hasSize(2);

        HttpResponse<String> read = get("/orders/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).get("customerId").asString()).isEqualTo("cust-201");
        assertThat(json(read).get("shippingAddress").get("country").asString()).isEqualTo("DE");
    }

    @Test
    void publishesOrderCreatedPerTheEventContract() throws Exception {
        String id = json(post(orderJson("cust-event"))).get("id").asString();

        JsonNode entry = await().atMost(Duration.ofSeconds(10)).until(
                () -> EVENT_BRIDGE.entries().stream().filter(e -> e.get("Detail").asString().contains(id)).findFirst(),
                Optional::isPresent).orElseThrow();

        assertThat(entry.get("Source").asString()).isEqualTo("eventgate.orders");
        assertThat(entry.get("DetailType").asString()).isEqualTo("OrderCreated");
        assertThat(entry.get("EventBusName").asString()).isEqualTo("eventgate");
        String detail = entry.get("Detail").asString();
        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(EventContract.ORDER_CREATED.schema());
        assertThat(schema.validate(detail, InputFormat.JSON)).isEmpty();
        JsonNode parsed = JSON.readTree(detail);
        assertThat(parsed.at("/data/orderId").asString()).isEqualTo(id);
        assertThat(parsed.at("/data/total").decimalValue()).isEqualByComparingTo("20.5");
        assertThat(detail).as("money at scale 2, as JSON numbers").contains("\"total\":20.50").contains("\"unitPrice\":0.00");
        assertThat(parsed.at("/metadata/correlationId").asString()).isNotBlank();
    }

    @Test
    void answers404ProblemForAnUnknownOrder() throws Exception {
        HttpResponse<String> response = get("/orders/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void retriedPostWithTheSameIdempotencyKeyReturnsTheSameOrder() throws Exception {
        String key = "key-" + UUID.randomUUID();
        String customer = "cust-idem-" + UUID.randomUUID();

        HttpResponse<String> first = post(orderJson(customer), "application/json", Optional.of(key));
        // Same content, different JSON layout: still the same request.
        HttpResponse<String> retry = post(orderJson(customer).replace("10.25", "10.250").replace("\n", " "),
                "application/json", Optional.of(key));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        String id = json(first).get("id").asString();
        assertThat(json(retry).get("id").asString()).isEqualTo(id);
        assertThat(retry.headers().firstValue("Location")).contains("/orders/" + id);
        assertThat(storedOrdersMentioning(customer)).as("one order, no second one").hasSize(1);
    }

    @Test
    void sameIdempotencyKeyWithADifferentBodyIs422() throws Exception {
        String key = "key-" + UUID.randomUUID();
        String customer = "cust-422-" + UUID.randomUUID();
        assertThat(post(orderJson(customer), "application/json", Optional.of(key)).statusCode()).isEqualTo(201);

        HttpResponse<String> other = post(orderJson(customer).replace("\"quantity\":2", "\"quantity\":3"),
                "application/json", Optional.of(key));

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(storedOrdersMentioning(customer)).hasSize(1);
    }

    @Test
    void namesEveryMissingField() throws Exception {
        String marker = "cust-missing-" + UUID.randomUUID();
        String body = """
                {"customerId":"%s","items":[{"sku":"A","unitPrice":1}],
                 "shippingAddress":{"name":"Ada","line1":"1 Main St","postalCode":"10115","country":"DE"}}
                """.formatted(marker);

        assertThat(badFields(post(body))).containsExactlyInAnyOrder("items[0].quantity", "shippingAddress.city");
        assertThat(storedItemsMentioning(marker)).isEmpty();
    }

    @Test
    void namesEveryWronglyTypedOrOutOfRangeField() throws Exception {
        String marker = "cust-types-" + UUID.randomUUID();
        String body = orderJson(marker).replace("\"quantity\":2", "\"quantity\":\"two\"")
                .replace("\"unitPrice\":0", "\"unitPrice\":-1").replace("\"DE\"", "\"de\"");

        assertThat(badFields(post(body)))
                .containsExactlyInAnyOrder("items[0].quantity", "items[1].unitPrice", "shippingAddress.country");
        assertThat(storedItemsMentioning(marker)).isEmpty();
    }

    @Test
    void namesEveryUnknownField() throws Exception {
        String marker = "cust-unknown-" + UUID.randomUUID();
        String body = orderJson(marker).replace("\"sku\":\"SKU-1\"", "\"sku\":\"SKU-1\",\"colour\":\"red\"")
                .replaceFirst("\\{", "{\"discount\":5,");

        assertThat(badFields(post(body))).containsExactlyInAnyOrder("discount", "items[0].colour");
        assertThat(storedItemsMentioning(marker)).isEmpty();
    }

    @Test
    void refusesAnOrderWithoutItems() throws Exception {
        String marker = "cust-noitems-" + UUID.randomUUID();
        String body = orderJson(marker).replaceAll("\"items\":\\[.*?\\],", "\"items\":[],");

        assertThat(badFields(post(body))).containsExactly("items");
        assertThat(storedItemsMentioning(marker)).isEmpty();
    }

    @Test
    void refusesAnEmptyOrMalformedBody() throws Exception {
        assertThat(badFields(post(""))).containsExactly("(body)");
        assertThat(badFields(post("{\"customerId\":"))).containsExactly("(body)");
        assertThat(badFields(post("[]"))).containsExactly("(body)");
    }

    @Test
    void refusesAnotherContentTypeWith415() throws Exception {
        String marker = "cust-415-" + UUID.randomUUID();
        HttpResponse<String> response = post(orderJson(marker), "text/plain", Optional.empty());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(storedItemsMentioning(marker)).isEmpty();
    }

    @Test
    void refusesABodyOver64KbWith413() throws Exception {
        String marker = "cust-413-" + UUID.randomUUID();
        String huge = orderJson(marker).replace("\"Ada Lovelace\"", "\"" + "x".repeat(70_000) + "\"");

        HttpResponse<String> declared = post(huge);
        HttpResponse<String> chunked = HTTP.send(HttpRequest.newBuilder(uri("/orders"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> response : List.of(declared, chunked)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(storedItemsMentioning(marker)).isEmpty();
    }

    @Test
    void refusesABadIdempotencyKey() throws Exception {
        String marker = "cust-badkey-" + UUID.randomUUID();
        assertThat(badFields(post(orderJson(marker), "application/json", Optional.of("x".repeat(300)))))
                .containsExactly("Idempotency-Key");
        assertThat(storedItemsMentioning(marker)).isEmpty();
    }

    @Test
    void listsOrdersByStatusPageByPage() throws Exception {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(json(post(orderJson("cust-list"))).get("id").asString());
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = getAsOperator("/orders?status=PENDING&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode body = json(page);
            assertThat(body.get("items").size()).isLessThanOrEqualTo(2);
            body.get("items").forEach(order -> {
                assertThat(order.get("status").asString()).isEqualTo("PENDING");
                seen.add(order.get("id").asString());
            });
            cursor = body.has("nextCursor") ? body.get("nextCursor").asString() : null;
        } while (cursor != null);

        assertThat(seen).containsAll(mine).doesNotHaveDuplicates();
    }

    @Test
    void refusesABadStatusLimitOrCursor() throws Exception {
        assertThat(badFields(getAsOperator("/orders?status=LOST"))).containsExactly("status");
        assertThat(badFields(getAsOperator("/orders"))).containsExactly("status");
        assertThat(badFields(getAsOperator("/orders?status=PENDING&limit=0"))).containsExactly("limit");
        assertThat(badFields(getAsOperator("/orders?status=PENDING&cursor=bm90LWEtY3Vyc29y"))).containsExactly("cursor");
    }

    @Test
    void reportsLivenessReadinessAndTheOpenApiDocument() throws Exception {
        assertThat(get("/actuator/health/liveness").body()).contains("\"UP\"");
        assertThat(get("/actuator/health/readiness").body()).contains("\"UP\"");
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(json(docs).get("paths").has("/orders")).isTrue();
        assertThat(json(docs).get("paths").has("/orders/{id}")).isTrue();
        assertThat(json(docs).at("/components/securitySchemes/operator/scheme").asString()).isEqualTo("basic");
    }

    /** Every stored item (orders, outbox records, claims) whose content mentions the marker. A scan: tests only. */
    static List<String> storedItemsMentioning(String marker) {
        return TestCloud.dynamo().scanPaginator(b -> b.tableName("orders")).items().stream()
                .map(Object::toString)
                .filter(item -> item.contains(marker))
                .toList();
    }

    static List<String> storedOrdersMentioning(String marker) {
        return storedItemsMentioning(marker).stream()
                .filter(item -> item.contains("pk=AttributeValue(S=order#"))
                .toList();
    }
}
