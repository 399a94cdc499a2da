package io.eventgate.localcloud.events.apidestination;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.LocalCloudSettings;
import io.eventgate.localcloud.TestClients;
import io.eventgate.localcloud.events.apidestination.Partner.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ApiDestinationHttpMethod;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionAuthRequestParameters;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;
import software.amazon.awssdk.services.eventbridge.model.ConnectionOAuthHttpMethod;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API-destination delivery end to end: PutEvents through the SDK, a rule, an API-destination target, and a real HTTP
 * server playing the partner.
 */
class ApiDestinationDeliveryTest {

    private static final String BUS = "partner-bus";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static LocalCloud cloud;
    private static EventBridgeClient events;
    private static SqsClient sqs;
    private static Partner partner;
    private static final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        cloud = LocalCloud.start(LocalCloudSettings.forTests());
        events = TestClients.of(EventBridgeClient.builder(), cloud.endpoint());
        sqs = TestClients.of(SqsClient.builder(), cloud.endpoint());
        partner = new Partner();
        events.createEventBus(b -> b.name(BUS));
        logs.start();
        ((Logger) LoggerFactory.getLogger("io.eventgate.localcloud")).addAppender(logs);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger("io.eventgate.localcloud")).detachAppender(logs);
        partner.close();
        sqs.close();
        events.close();
        cloud.close();
    }

    @Test
    void sendsTheApiKeyEventBridgeHeadersAndTheTargetsHttpParameters() {
        String path = "/api-key/orders/";
        Route route = route("api-key", path + "*", 0, Map.of(),
                a -> a.apiKeyAuthParameters(k -> k.apiKeyName("x-api-key").apiKeyValue("s3cret-key"))
                        .invocationHttpParameters(p -> p.headerParameters(
                                h -> h.key("x-tenant").value("from-connection").isValueSecret(false))),
                t -> t.httpParameters(h -> h.pathParameterValues("$.detail.orderId")
                        .headerParameters(Map.of("Idempotency-Key", "$.id", "x-tenant", "from-target"))
                        .queryStringParameters(Map.of("mode", "test"))));

        String eventId = put(route, "{\"orderId\":\"o-42\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> partner.requests(path + "o-42").size() == 1);
        Partner.Request request = partner.requests(path + "o-42").getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("x-api-key")).isEqualTo("s3cret-key");
        assertThat(request.header("User-Agent")).isEqualTo("Amazon/EventBridge/ApiDestinations");
        assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(request.header("Range")).isEqualTo("bytes=0-1048575");
        assertThat(request.header("Accept-Encoding")).isEqualTo("gzip,deflate");
        assertThat(request.header("Idempotency-Key")).isEqualTo(eventId);
        assertThat(request.header("x-tenant")).as("connection parameters win").isEqualTo("from-connection");
        assertThat(request.query()).isEqualTo("mode=test");
        assertThat(json(request.body()).at("/detail/orderId").asString()).isEqualTo("o-42");
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("api-destination attempt", "rule=" + route.ruleArn,
                        "target=" + route.targetId, "attempt=1", "status=200", "outcome=delivered", "latency_ms="))
                .noneSatisfy(line -> assertThat(line).contains("s3cret-key"));
    }

    @Test
    void sendsTheTransformedInputWhileHeaderPathsStillReadTheEvent() {
        Route route = route("transformed", "/shipments", 0, Map.of(), basicAuth(),
                t -> t.inputTransformer(i -> i.inputPathsMap(Map.of("order", "$.detail.orderId"))
                                .inputTemplate("{\"orderId\": <order>, \"carrier\": \"acme\"}"))
                        .httpParameters(h -> h.headerParameters(Map.of("Idempotency-Key", "$.id"))));

        String eventId = put(route, "{\"orderId\":\"o-7\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> partner.requests("/shipments").size() == 1);
        Partner.Request request = partner.requests("/shipments").getFirst();
        assertThat(json(request.body())).isEqualTo(json("{\"orderId\":\"o-7\",\"carrier\":\"acme\"}"));
        assertThat(request.header("Idempotency-Key")).isEqualTo(eventId);
    }

    @Test
    void sendsBasicCredentials() {
        Route route = route("basic", "/basic", 0, Map.of(),
                a -> a.basicAuthParameters(b -> b.username("carrier").password("pa55word")), t -> { });

        put(route, "{}");

        await().atMost(Duration.ofSeconds(10)).until(() -> partner.requests("/basic").size() == 1);
        assertThat(partner.requests("/basic").getFirst().header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("carrier:pa55word".getBytes(StandardCharsets.UTF_8)));
        assertNoLogLineContains("pa55word");
    }

    @Test
    void fetchesAnOAuthTokenReusesItAndFetchesAnotherAfterA401() {
        partner.script("/oauth/token",
                new Response(200, Map.of("Content-Type", "application/json"),
                        "{\"access_token\":\"token-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}", false),
                new Response(200, Map.of("Content-Type", "application/json"),
                        "{\"access_token\":\"token-2\",\"token_type\":\"Bearer\",\"expires_in\":3600}", false));
        Route route = route("oauth", "/oauth/api", 0, Map.of("MaximumRetryAttempts", 3),
                a -> a.oAuthParameters(o -> o.authorizationEndpoint(partner.url("/oauth/token"))
                        .httpMethod(ConnectionOAuthHttpMethod.POST)
                        .clientParameters(c -> c.clientID("client-1").clientSecret("client-secret-1"))
                        .oAuthHttpParameters(p -> p.bodyParameters(b -> b.key("scope").value("shipments")
                                .isValueSecret(false)))),
                t -> { });

        put(route, "{\"n\":1}");
        await().atMost(Duration.ofSeconds(10)).until(() -> partner.requests("/oauth/api").size() == 1);
        put(route, "{\"n\":2}");
        await().atMost(Duration.ofSeconds(10)).until(() -> partner.requests("/oauth/api").size() == 2);
        partner.script("/oauth/api", Response.status(401));
        put(route, "{\"n\":3}");
        await().atMost(Duration.ofSeconds(15)).until(() -> partner.requests("/oauth/api").size() == 4);

        List<Partner.Request> tokenRequests = partner.requests("/oauth/token");
        assertThat(tokenRequests).hasSize(2);
        assertThat(tokenRequests.getFirst().header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("client-1:client-secret-1".getBytes(StandardCharsets.UTF_8)));
        assertThat(tokenRequests.getFirst().body()).contains("grant_type=client_credentials", "scope=shipments");
        assertThat(partner.requests("/oauth/api")).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-1", "Bearer token-2");
        assertNoLogLineContains("client-secret-1", "token-1", "token-2");
    }

    @Test
    void deliversExactlyOnceAfterA503() {
        partner.script("/flaky", Response.status(503));
        Route route = route("flaky", "/flaky", 0, Map.of("MaximumRetryAttempts", 5), basicAuth(), t -> { });

        put(route, "{}");

        await().atMost(Duration.ofSeconds(15)).until(() -> partner.requests("/flaky").size() == 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> partner.requests("/flaky").size() == 2);
        assertThat(messages(route.dlqUrl, Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void sendsA400StraightToTheDeadLetterQueueWithItsErrorCode() {
        partner.script("/refuses", Response.status(400));
        Route route = route("refuses", "/refuses", 0, Map.of("MaximumRetryAttempts", 5), basicAuth(), t -> { });

        String eventId = put(route, "{}");

        Message dead = awaitOneMessage(route.dlqUrl);
        assertThat(json(dead.body()).get("id").asString()).isEqualTo(eventId);
        assertThat(dead.messageAttributes().get("ERROR_CODE").stringValue()).isEqualTo("SDK_CLIENT_ERROR");
        assertThat(dead.messageAttributes().get("ERROR_MESSAGE").stringValue()).contains("HTTP 400");
        assertThat(dead.messageAttributes().get("RULE_ARN").stringValue()).isEqualTo(route.ruleArn);
        assertThat(dead.messageAttributes().get("TARGET_ARN").stringValue()).isEqualTo(route.destinationArn);
        assertThat(partner.requests("/refuses")).hasSize(1);
    }

    @Test
    void waitsAtLeastRetryAfterBeforeRetryingA429() {
        partner.script("/busy", new Response(429, Map.of("Retry-After", "2"), "", false));
        Route route = route("busy", "/busy", 0, Map.of("MaximumRetryAttempts", 3), basicAuth(), t -> { });

        put(route, "{}");

        await().atMost(Duration.ofSeconds(15)).until(() -> partner.requests("/busy").size() == 2);
        List<Partner.Request> requests = partner.requests("/busy");
        Duration gap = Duration.ofNanos(requests.get(1).receivedNanos() - requests.get(0).receivedNanos());
        System.out.printf("429 with Retry-After: 2 -> retried after %d ms%n", gap.toMillis());
        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void timesOutAHungEndpointAfterFiveSecondsAndRetries() {
        partner.script("/hung", Response.hanging());
        Route route = route("hung", "/hung", 0, Map.of("MaximumRetryAttempts", 3), basicAuth(), t -> { });

        put(route, "{}");

        await().atMost(Duration.ofSeconds(20)).until(() -> partner.requests("/hung").size() == 2);
        List<Partner.Request> requests = partner.requests("/hung");
        Duration gap = Duration.ofNanos(requests.get(1).receivedNanos() - requests.get(0).receivedNanos());
        System.out.printf("hung endpoint -> retried after %d ms%n", gap.toMillis());
        // 5 s timeout plus the first backoff (at most 1 s) plus scheduling slack.
        assertThat(gap).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(8));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> partner.requests("/hung").size() == 2);
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("rule=" + route.ruleArn, "attempt=1", "status=0",
                        "outcome=retryable", "error_code=TIMEOUT"));
    }

    @Test
    void deadLettersEventsThroughADeauthorizedConnectionWithoutCallingThePartner() {
        Route route = route("deauthorized", "/deauthorized", 0, Map.of("MaximumRetryAttempts", 0), basicAuth(),
                t -> { });
        events.deauthorizeConnection(b -> b.name("deauthorized"));

        put(route, "{}");

        Message dead = awaitOneMessage(route.dlqUrl);
        assertThat(dead.messageAttributes().get("ERROR_CODE").stringValue()).isEqualTo("AUTHORIZATION_FAILURE");
        assertThat(dead.messageAttributes().get("ERROR_MESSAGE").stringValue()).contains("DEAUTHORIZED");
        assertThat(partner.requests("/deauthorized")).isEmpty();
    }

    @Test
    void deadLettersAtOnceWhenNoRetryIsAllowed() {
        partner.script("/no-retry", Response.status(503));
        Route route = route("no-retry", "/no-retry", 0, Map.of("MaximumRetryAttempts", 0), basicAuth(), t -> { });

        put(route, "{}");

        Message dead = awaitOneMessage(route.dlqUrl);
        assertThat(dead.messageAttributes().get("ERROR_MESSAGE").stringValue()).contains("HTTP 503");
        assertThat(partner.requests("/no-retry")).hasSize(1);
    }

    @Test
    void holdsABurstToTheRateLimitWithoutDroppingAnything() {
        Route route = route("limited", "/limited", 50, Map.of(), basicAuth(), t -> { });
        List<PutEventsRequestEntry> burst = IntStream.range(0, 500)
                .mapToObj(i -> entry(route.source, "{\"n\":" + i + "}")).toList();

        for (int i = 0; i < burst.size(); i += 10) {
            List<PutEventsRequestEntry> batch = burst.subList(i, i + 10);
            assertThat(events.putEvents(b -> b.entries(batch)).failedEntryCount()).isZero();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> partner.requests("/limited").size() == 500);
        List<Partner.Request> received = partner.requests("/limited");
        double seconds = (received.getLast().receivedNanos() - received.getFirst().receivedNanos()) / 1e9;
        double rate = (received.size() - 1) / seconds;
        System.out.printf("rate limit 50/s: 500 events over %.2f s = %.1f/s%n", seconds, rate);
        assertThat(rate).isBetween(45.0, 55.0);
        assertThat(received).extracting(r -> json(r.body()).at("/detail/n").asInt())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 500).boxed().toList());
    }

    private static void assertNoLogLineContains(String... secrets) {
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).isNotEmpty()
                .allSatisfy(line -> assertThat(line).doesNotContain(secrets));
    }

    /** One bus rule with one API-destination target (and a DLQ), matching events of its own source. */
    @Test
    void theDeliveryLogTellsEveryAttemptOfAnEventWithItsStatusAndCountsThem() throws Exception {
        partner.script("/logged", Response.status(503));
        Route route = route("logged", "/logged", 0, Map.of("MaximumRetryAttempts", 5), basicAuth(), t -> { });

        String eventId = put(route, "{}");

        await().atMost(Duration.ofSeconds(15)).until(() -> deliveries("eventId=" + eventId).size() == 2);
        List<JsonNode> attempts = deliveries("eventId=" + eventId);
        assertThat(attempts).extracting(a -> a.path("attempt").asInt() + " " + a.path("status").asInt() + " "
                + a.path("outcome").asString()).containsExactly("1 503 retrying", "2 200 delivered");
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.path("rule").asString()).isEqualTo(route.ruleArn);
            assertThat(a.path("target").asString()).isEqualTo(route.targetId);
            assertThat(a.path("targetArn").asString()).isEqualTo(route.destinationArn);
            assertThat(a.path("latencyMs").asLong()).isNotNegative();
            assertThat(a.path("time").asString()).isNotBlank();
        });
        assertThat(attempts.getFirst().path("errorCode").asString()).isEqualTo("SDK_CLIENT_ERROR");
        assertThat(deliveries("rule=logged")).hasSize(2);
        assertThat(deliveries("target=" + route.targetId + "&limit=1")).extracting(a -> a.path("outcome").asString())
                .containsExactly("delivered");
        assertThat(get("/_localcloud/metrics").body()).contains(
                "localcloud_delivery_attempts_total{rule=\"partner-bus/logged\",target=\"logged-target\",outcome=\"retrying\"} 1",
                "localcloud_delivery_attempts_total{rule=\"partner-bus/logged\",target=\"logged-target\",outcome=\"delivered\"} 1");
    }

    @Test
    void theDeliveryLogNamesAnAttemptThatWentToTheDeadLetterQueue() throws Exception {
        partner.script("/logged-refusal", Response.status(400));
        Route route = route("logged-refusal", "/logged-refusal", 0, Map.of("MaximumRetryAttempts", 5), basicAuth(),
                t -> { });

        String eventId = put(route, "{}");

        JsonNode attempt = await().atMost(Duration.ofSeconds(15))
                .until(() -> deliveries("eventId=" + eventId), d -> !d.isEmpty()).getFirst();
        assertThat(attempt.path("outcome").asString()).isEqualTo("dead-lettered");
        assertThat(attempt.path("status").asInt()).isEqualTo(400);
        assertThat(attempt.path("error").asString()).contains("HTTP 400");
    }

    @Test
    void theDeliveryLogRefusesWhatItCannotAnswer() throws Exception {
        for (String query : List.of("limit=0", "limit=1001", "limit=x", "eventId=%3Cscript%3E", "bogus=1",
                "eventId=a&eventId=b")) {
            var response = get("/_localcloud/deliveries?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(json(response.body()).path("message").asString()).as(query).isNotBlank();
        }
        var post = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        cloud.endpoint().resolve("/_localcloud/deliveries")).POST(
                        java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    private static List<JsonNode> deliveries(String query) throws Exception {
        var response = get("/_localcloud/deliveries?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> attempts = new java.util.ArrayList<>();
        json(response.body()).path("deliveries").forEach(attempts::add);
        return attempts;
    }

    private static java.net.http.HttpResponse<String> get(String path) throws Exception {
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(java.net.http.HttpRequest.newBuilder(cloud.endpoint().resolve(path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }

    private record Route(String source, String ruleArn, String targetId, String destinationArn, String dlqUrl) {
    }

    private static Route route(String name, String path, int ratePerSecond, Map<String, Integer> retryPolicy,
                               Consumer<CreateConnectionAuthRequestParameters.Builder> auth,
                               Consumer<Target.Builder> target) {
        ConnectionAuthorizationType type = type(auth);
        String connection = events.createConnection(b -> b.name(name).authorizationType(type)
                .authParameters(auth)).connectionArn();
        String destination = events.createApiDestination(b -> {
            b.name(name).connectionArn(connection).invocationEndpoint(partner.url(path))
                    .httpMethod(ApiDestinationHttpMethod.POST);
            if (ratePerSecond > 0) {
                b.invocationRateLimitPerSecond(ratePerSecond);
            }
        }).apiDestinationArn();
        String dlqUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String ruleArn = events.putRule(b -> b.name(name).eventBusName(BUS)
                .eventPattern("{\"source\":[\"" + name + "\"]}")).ruleArn();
        sqs.setQueueAttributes(b -> b.queueUrl(dlqUrl).attributes(Map.of(QueueAttributeName.POLICY,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                        + "\"events.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + dlqArn
                        + "\",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + ruleArn + "\"}}}]}")));
        var response = events.putTargets(b -> b.rule(name).eventBusName(BUS).targets(t -> {
            t.id(name + "-target").arn(destination).deadLetterConfig(d -> d.arn(dlqArn));
            if (!retryPolicy.isEmpty()) {
                t.retryPolicy(r -> r.maximumRetryAttempts(retryPolicy.get("MaximumRetryAttempts")));
            }
            target.accept(t);
        }));
        assertThat(response.failedEntryCount()).isZero();
        return new Route(name, ruleArn, name + "-target", destination, dlqUrl);
    }

    private static ConnectionAuthorizationType type(Consumer<CreateConnectionAuthRequestParameters.Builder> auth) {
        CreateConnectionAuthRequestParameters.Builder probe = CreateConnectionAuthRequestParameters.builder();
        auth.accept(probe);
        CreateConnectionAuthRequestParameters built = probe.build();
        if (built.apiKeyAuthParameters() != null) {
            return ConnectionAuthorizationType.API_KEY;
        }
        return built.basicAuthParameters() != null ? ConnectionAuthorizationType.BASIC
                : ConnectionAuthorizationType.OAUTH_CLIENT_CREDENTIALS;
    }

    private static Consumer<CreateConnectionAuthRequestParameters.Builder> basicAuth() {
        return a -> a.basicAuthParameters(b -> b.username("user").password("secret"));
    }

    private static String put(Route route, String detail) {
        var response = events.putEvents(b -> b.entries(entry(route.source, detail)));
        assertThat(response.failedEntryCount()).isZero();
        return response.entries().getFirst().eventId();
    }

    private static PutEventsRequestEntry entry(String source, String detail) {
        return PutEventsRequestEntry.builder().eventBusName(BUS).source(source).detailType("Test")
                .detail(detail).build();
    }

    private static Message awaitOneMessage(String queueUrl) {
        List<Message> received = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            received.addAll(messages(queueUrl, Duration.ofSeconds(1)));
            return !received.isEmpty();
        });
        assertThat(received).hasSize(1);
        return received.getFirst();
    }

    private static List<Message> messages(String queueUrl, Duration wait) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds((int) Math.max(0, wait.toSeconds())).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
