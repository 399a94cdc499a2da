package io.eventgate.carrier;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The carrier started as the real application on a free port, against the test JVM's local-cloud, for tests that
 * talk to it over HTTP. Several may run against one table to model a restart.
 */
public final class RunningCarrier implements AutoCloseable {

    public static final String API_KEY = "test-inbound-key-0123456789";
    public static final String GATEWAY_KEY = "test-gateway-key-9876543210";
    public static final String BACK_OFFICE_PASSWORD = "test-back-office-password-42";
    /** The {@code Authorization} header value of the back office. */
    public static final String BACK_OFFICE_AUTHORIZATION = "Basic " + java.util.Base64.getEncoder()
            .encodeToString(("back-office:" + BACK_OFFICE_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningCarrier(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    /** A fresh table name, so that test classes do not see each other's shipments. */
    public static String newTable() {
        return "carrier-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static RunningCarrier start(String table, URI gatewayUrl, String... extraProperties) {
        return start(table, gatewayUrl, builder -> { }, extraProperties);
    }

    /** As {@link #start(String, URI, String...)}, with the application builder adjusted first (e.g. extra beans). */
    public static RunningCarrier start(String table, URI gatewayUrl,
            java.util.function.Consumer<SpringApplicationBuilder> adjust, String... extraProperties) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("eventgate.aws.endpoint", TestCloud.endpoint().toString());
        properties.put("eventgate.carrier.store.table-name", table);
        properties.put("eventgate.carrier.store.create-table", "true");
        properties.put("eventgate.carrier.api-key", API_KEY);
        properties.put("eventgate.carrier.gateway.url", gatewayUrl.toString());
        properties.put("eventgate.carrier.gateway.api-key", GATEWAY_KEY);
        properties.put("eventgate.carrier.back-office.password", BACK_OFFICE_PASSWORD);
        properties.put("eventgate.carrier.gateway.request-timeout", "2s");
        properties.put("eventgate.carrier.sender.initial-backoff", "20ms");
        properties.put("eventgate.carrier.sender.max-backoff", "200ms");
        properties.put("eventgate.carrier.sender.idle-poll", "200ms");
        for (String property : extraProperties) {
            int eq = property.indexOf('=');
            properties.put(property.substring(0, eq), property.substring(eq + 1));
        }
        List<String> args = new ArrayList<>();
        properties.forEach((name, value) -> args.add("--" + name + "=" + value));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(CarrierApplication.class);
        adjust.accept(builder);
        ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new));
        return new RunningCarrier(context);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** {@code POST /shipments} with the right key and the given Idempotency-Key ({@code null} for none). */
    public HttpResponse<String> requestShipment(String body, String idempotencyKey) {
        var request = HttpRequest.newBuilder(base.resolve("/shipments"))
                .header("Content-Type", "application/json")
                .header("x-api-key", API_KEY);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST as the back office (its credential added), with the given header name/value pairs. */
    public HttpResponse<String> post(String path, String body, String... headerPairs) {
        var request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", BACK_OFFICE_AUTHORIZATION);
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        return send(request.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A GET as the back office (its credential added). */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", BACK_OFFICE_AUTHORIZATION).GET());
    }

    /** A request exactly as given: no credential is added. */
    public HttpResponse<String> send(String method, String path, String body, String... headerPairs) {
        var request = HttpRequest.newBuilder(base.resolve(path));
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    public int port() {
        return base.getPort();
    }

    /** {@code GET /shipments/{orderId}} parsed; fails the test unless it answers 200. */
    public JsonNode shipment(String orderId) {
        HttpResponse<String> response = get("/shipments/" + orderId);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /shipments/" + orderId + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body());
    }

    /** The state of the order's report of that event, or {@code null} while there is none. */
    public String reportState(String orderId, String eventName) {
        for (JsonNode report : shipment(orderId).path("reports")) {
            if (report.path("eventName").asString().equals(eventName)) {
                return report.path("state").asString();
            }
        }
        return null;
    }

    public JsonNode report(String orderId, String eventName) {
        for (JsonNode report : shipment(orderId).path("reports")) {
            if (report.path("eventName").asString().equals(eventName)) {
                return report;
            }
        }
        throw new AssertionError("no " + eventName + " report for order " + orderId);
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** A valid shipment request for the order, containing the SKUs (one of each). */
    public static String shipmentRequest(String orderId, String... skus) {
        StringBuilder items = new StringBuilder();
        for (String sku : skus) {
            items.append(items.isEmpty() ? "" : ",")
                    .append("{\"sku\":\"").append(sku).append("\",\"quantity\":1,\"unitPrice\":9.99}");
        }
        return """
                {"orderId":"%s","customerId":"cust-1","correlationId":"corr-%s","items":[%s],
                 "shipTo":{"name":"Ada Lovelace","line1":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}
                """.formatted(orderId, orderId, items);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("request to the carrier failed", e);
        }
    }

    @Override
    public void close() {
        context.close();
        http.close();
    }
}
