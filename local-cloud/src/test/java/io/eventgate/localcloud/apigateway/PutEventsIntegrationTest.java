package io.eventgate.localcloud.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgate.localcloud.edge.AwsRequests;
import io.eventgate.localcloud.edge.EdgeRequest;
import io.eventgate.localcloud.edge.EdgeResponse;
import io.eventgate.localcloud.edge.EdgeRouter;
import io.eventgate.localcloud.edge.EdgeServer;
import io.eventgate.localcloud.edge.EdgeService;
import io.eventgate.localcloud.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import tools.jackson.databind.JsonNode;

/**
 * The AWS → PutEvents integration, observed at the edge: an edge with API Gateway and a recording stand-in for the
 * {@code AWSEvents} JSON protocol shows exactly which request the route sends and how each answer is mapped. (The
 * same route against local-cloud's own EventBridge, through to an SQS target, is {@code EventsRouteToSqsTest}.)
 */
class PutEventsIntegrationTest {

    /** Answers PutEvents like EventBridge; entries whose Source starts with "reject" fail. */
    static final class RecordingEventBridge implements EdgeService {
        final List<EdgeRequest> received = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "events";
        }

        @Override
        public boolean accepts(EdgeRequest request) {
            return AwsRequests.targetPrefix(request).filter("AWSEvents"::equals).isPresent();
        }

        @Override
        public EdgeResponse handle(EdgeRequest request) {
            received.add(request);
            var answer = Json.object();
            var entries = answer.putArray("Entries");
            int failed = 0;
            for (JsonNode entry : Json.parse(request.body()).get("Entries")) {
                if (entry.get("Source").asString().startsWith("reject")) {
                    failed++;
                    entries.addObject().put("ErrorCode", "InternalFailure").put("ErrorMessage", "rejected");
                } else {
                    entries.addObject().put("EventId", UUID.randomUUID().toString());
                }
            }
            answer.put("FailedEntryCount", failed);
            return EdgeResponse.of(200, "application/x-amz-json-1.1", Json.bytes(answer));
        }
    }

    private static EdgeServer edge;
    private static Gateway gateway;
    private static final RecordingEventBridge events = new RecordingEventBridge();
    private static EventsRoute.Built route;

    @BeforeAll
    static void start() throws Exception {
        EdgeRouter router = new EdgeRouter();
        edge = new EdgeServer("127.0.0.1", 0, router);
        router.register(events);
        router.register(new ApiGatewayService("000000000000", Clock.systemUTC(), router::route,
                HttpClient.newHttpClient()));
        edge.start();
        gateway = new Gateway(URI.create("http://localhost:" + edge.port()));
        route = EventsRoute.build(gateway, "eventgate", "local", "eventgate-bus");
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.client.close();
        edge.close();
    }

    @Test
    void sendsPutEventsWithSourceDetailTypeAndTheCallersKeyIdInTheDetail() throws Exception {
        String body = EventsRoute.envelope("com.carrier", "OrderShipped",
                "{\"orderId\":\"o-1\",\"note\":\"O'Brien said \\\"go\\\"\\nZoë → 東京\"}");

        HttpResponse<String> response = gateway.post(gateway.url("eventgate", "local", "/events"),
                route.key().value(), body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.parse(response.body()).get("eventId").asString()).isNotBlank();
        EdgeRequest sent = events.received.getLast();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/");
        assertThat(sent.header("X-Amz-Target")).contains("AWSEvents.PutEvents");
        assertThat(sent.header("Content-Type")).contains("application/x-amz-json-1.1");
        JsonNode entry = Json.parse(sent.body()).get("Entries").get(0);
        assertThat(entry.get("EventBusName").asString()).isEqualTo("eventgate-bus");
        assertThat(entry.get("Source").asString()).isEqualTo("com.carrier");
        assertThat(entry.get("DetailType").asString()).isEqualTo("OrderShipped");
        JsonNode detail = Json.parse(entry.get("Detail").asString());
        assertThat(detail.get("metadata").get("apiKeyId").asString()).isEqualTo(route.key().id());
        assertThat(detail.get("metadata").get("eventName").asString()).isEqualTo("OrderShipped");
        assertThat(detail.get("data").get("note").asString()).isEqualTo("O'Brien said \"go\"\nZoë → 東京");
    }

    @Test
    void mapsFailedEntriesToA502() throws Exception {
        HttpResponse<String> response = gateway.post(gateway.url("eventgate", "local", "/events"),
                route.key().value(), EventsRoute.envelope("reject.me", "OrderShipped", "{}"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(Json.parse(response.body()).get("errorCode").asString()).isEqualTo("InternalFailure");
    }

    @Test
    void sendsNothingForABodyFailingTheModelOrAMissingKey() throws Exception {
        int before = events.received.size();

        HttpResponse<String> invalid = gateway.post(gateway.url("eventgate", "local", "/events"),
                route.key().value(), "{\"metadata\":{\"source\":\"com.carrier\"},\"data\":{}}");
        HttpResponse<String> keyless = gateway.post(gateway.url("eventgate", "local", "/events"), null,
                EventsRoute.envelope("com.carrier", "OrderShipped", "{}"));

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(keyless.statusCode()).isEqualTo(403);
        assertThat(events.received).hasSize(before);
    }

    @Test
    void acceptsTheWidelyCopiedTemplateSettingHeadersThroughRequestOverride() throws Exception {
        var client = gateway.client;
        String apiId = gateway.createApi("override-headers");
        String root = gateway.rootId(apiId);
        String template = """
                #set($context.requestOverride.header.X-Amz-Target = "AWSEvents.PutEvents")
                #set($context.requestOverride.header.Content-Type = "application/x-amz-json-1.1")
                #set($count = $input.path('$.items').size() - 1)
                {"Entries": [{"Source": "com.override", "DetailType": "Counted",
                  "Detail": "{\\"last\\": $count, \\"trace\\": \\"$input.params().header.X-Trace-Id\\"}"}]}
                """;
        client.putMethod(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").authorizationType("NONE"));
        client.putIntegration(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").type(IntegrationType.AWS)
                .integrationHttpMethod("POST").uri(EventsRoute.PUT_EVENTS_URI).passthroughBehavior("NEVER")
                .requestTemplates(java.util.Map.of("application/json", template)));
        client.putMethodResponse(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").statusCode("200"));
        client.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").statusCode("200"));
        gateway.deploy(apiId, "dev");
        int before = events.received.size();

        HttpResponse<String> response = gateway.call("POST", gateway.url(apiId, "dev", "/"),
                java.util.Map.of("Content-Type", "application/json", "X-Trace-Id", "t-42"), "{\"items\": [1, 2, 3]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(events.received).hasSize(before + 1);
        EdgeRequest sent = events.received.getLast();
        assertThat(sent.header("X-Amz-Target")).contains("AWSEvents.PutEvents");
        assertThat(sent.header("Content-Type")).contains("application/x-amz-json-1.1");
        JsonNode detail = Json.parse(Json.parse(sent.body()).get("Entries").get(0).get("Detail").asString());
        assertThat(detail.get("last").asInt()).isEqualTo(2);
        assertThat(detail.get("trace").asString()).isEqualTo("t-42");
    }

    @Test
    void answers500ForAnyOtherAwsAction() throws Exception {
        var client = gateway.client;
        String apiId = gateway.createApi("other-action");
        String root = gateway.rootId(apiId);
        client.putMethod(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").authorizationType("NONE"));
        client.putIntegration(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").type(IntegrationType.AWS)
                .integrationHttpMethod("POST").uri("arn:aws:apigateway:us-east-1:sqs:action/SendMessage"));
        client.putMethodResponse(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").statusCode("200"));
        client.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").statusCode("200"));
        gateway.deploy(apiId, "dev");

        HttpResponse<String> response = gateway.post(gateway.url(apiId, "dev", "/"), null, "{}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("InternalServerErrorException");
    }
}
