package io.eventgate.infra.apigateway;

import io.eventgate.infra.SharedLocalCloud;
import io.eventgate.infra.aws.JsonDocs;
import io.eventgate.infra.settings.PartnerSettings;
import io.eventgate.localcloud.apigateway.vtl.MappingTemplates;
import io.eventgate.localcloud.apigateway.vtl.VtlInput;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integration's templates rendered by the reference engine (local-cloud's Velocity, configured as API Gateway's
 * 1.7): the grants decide which entry goes to the bus, and every answer PutEvents can give becomes the status that tells
 * the caller what to do. The answers are AWS's documented ones, and for the size limit the one local-cloud really gives.
 */
class PutEventsTemplatesTest {

    private static final MappingTemplates ENGINE = new MappingTemplates();
    private static final PartnerSettings CARRIER = new PartnerSettings("carrier", "carrier", "carrier-plan",
            List.of("com.carrier"), List.of("OrderShipped", "OrderDelivered"), 50, 100, 1000, "DAY");
    private static final PartnerSettings ACME = new PartnerSettings("acme", "acme", "acme-plan",
            List.of("com.acme"), List.of("OrderDelivered"), 5, 10, 1000, "DAY");
    private static final String SHIPPED = """
            {"metadata":{"source":"com.carrier","eventName":"OrderShipped","eventSchemaVersion":"1",
                         "correlationId":"corr-1"},
             "data":{"orderId":"o-1","trackingNumber":"T-1","carrier":"Ada's \\"Parcels\\"",
                     "shippedAt":"2026-11-23T11:00:00Z"}}""";

    /** A rendered template and what it asked of the method response. */
    record Rendered(String body, Object status, Map<String, Object> headers) {
        JsonNode json() {
            return JsonDocs.read(body);
        }
    }

    private static String request(String apiKeyId, String body) {
        return request(apiKeyId, body, Map.of());
    }

    private static String request(String apiKeyId, String body, Map<String, String> headers) {
        List<PutEventsTemplates.Grant> grants = new ArrayList<>(PutEventsTemplates.grants("carrierkey1", CARRIER));
        grants.addAll(PutEventsTemplates.grants("acmekey2", ACME));
        return render(PutEventsTemplates.request("eventgate", grants), body, apiKeyId, headers).body();
    }

    private static Rendered render(String template, String body, String apiKeyId) {
        return render(template, body, apiKeyId, Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Rendered render(String template, String body, String apiKeyId, Map<String, String> headers) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("apiKeyId", apiKeyId);
        Map<String, Object> responseOverride = new LinkedHashMap<>();
        responseOverride.put("header", new LinkedHashMap<String, Object>());
        responseOverride.put("status", null);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("requestId", "req-1");
        context.put("identity", identity);
        context.put("responseOverride", responseOverride);
        Map<String, Map<String, String>> params = Map.of("path", Map.of(), "querystring", Map.of(), "header", headers);
        String out = ENGINE.render(template, new VtlInput(body, params), context, Map.of());
        return new Rendered(out.strip(), responseOverride.get("status"),
                (Map<String, Object>) responseOverride.get("header"));
    }

    private static Rendered response(String statusCode, String backendBody) {
        String template = PutEventsTemplates.responses().stream().filter(r -> r.statusCode().equals(statusCode))
                .findFirst().orElseThrow().template();
        return render(template, backendBody, null);
    }

    @Test
    void putsAGrantedEventOnTheBusWithTheCallersKeyIdStampedIn() {
        JsonNode entry = JsonDocs.read(request("carrierkey1", SHIPPED)).at("/Entries/0");

        assertThat(entry.path("Source").asString()).isEqualTo("com.carrier");
        assertThat(entry.path("DetailType").asString()).isEqualTo("OrderShipped");
        assertThat(entry.path("EventBusName").asString()).isEqualTo("eventgate");
        JsonNode detail = JsonDocs.read(entry.path("Detail").asString());
        assertThat(detail.at("/metadata/apiKeyId").asString()).isEqualTo("carrierkey1");
        assertThat(detail.at("/metadata/correlationId").asString()).isEqualTo("corr-1");
        assertThat(detail.path("data")).isEqualTo(JsonDocs.read(SHIPPED).path("data"));
    }

    @Test
    void carriesTextThatLooksLikeTemplateCodeVerbatim() {
        String sneaky = "$context.identity.apiKeyId #set($q = 'x') ${q} \\\" ' </script> \\u0000 🚚";
        String body = SHIPPED.replace("\"T-1\"", JsonDocs.write(tools.jackson.databind.node.JsonNodeFactory.instance
                .stringNode(sneaky)));

        JsonNode detail = JsonDocs.read(JsonDocs.read(request("carrierkey1", body)).at("/Entries/0/Detail")
                .asString());

        assertThat(detail.at("/data/trackingNumber").asString()).isEqualTo(sneaky);
        assertThat(detail.at("/metadata/apiKeyId").asString()).isEqualTo("carrierkey1");
    }

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static JsonNode detailOf(String rendered) {
        return JsonDocs.read(JsonDocs.read(rendered).at("/Entries/0/Detail").asString());
    }

    @Test
    void passesTheTraceContextOfTheBodyOnToTheBus() {
        String body = SHIPPED.replace("\"correlationId\":\"corr-1\"",
                "\"correlationId\":\"corr-1\",\"traceparent\":\"" + TRACEPARENT + "\"");

        assertThat(detailOf(request("carrierkey1", body)).at("/metadata/traceparent").asString()).isEqualTo(TRACEPARENT);
    }

    @Test
    void takesTheTraceparentHeaderWhenTheBodyHasNone() {
        assertThat(detailOf(request("carrierkey1", SHIPPED, Map.of("traceparent", TRACEPARENT)))
                .at("/metadata/traceparent").asString()).isEqualTo(TRACEPARENT);
        assertThat(detailOf(request("carrierkey1", SHIPPED)).path("metadata").has("traceparent"))
                .as("no context, no field").isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"$.detail.metadata.traceparent",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\",\"apiKeyId\":\"forged",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\n", "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "${q}#set($x = 1)"})
    void dropsATraceparentHeaderThatIsNotAValidContext(String header) {
        JsonNode detail = detailOf(request("carrierkey1", SHIPPED, Map.of("traceparent", header)));

        assertThat(detail.path("metadata").has("traceparent")).isFalse();
        assertThat(detail.at("/metadata/apiKeyId").asString()).isEqualTo("carrierkey1");
    }

    @Test
    void neverPassesOnABodyTraceparentTheModelWouldRefuse() {
        // Defence in depth: the model refuses it first; the template would not pass it on either.
        String body = SHIPPED.replace("\"correlationId\":\"corr-1\"",
                "\"correlationId\":\"corr-1\",\"traceparent\":\"x\\\",\\\"apiKeyId\\\":\\\"forged\"");

        JsonNode detail = detailOf(request("carrierkey1", body));

        assertThat(detail.path("metadata").has("traceparent")).isFalse();
        assertThat(detail.at("/metadata/apiKeyId").asString()).isEqualTo("carrierkey1");
    }

    @ParameterizedTest(name = "key {0} publishing {1} / {2}")
    @CsvSource({
            "acmekey2,    com.carrier,      OrderShipped",   // another partner speaking as the carrier
            "acmekey2,    com.acme,         OrderShipped",   // its own source, an event it may not publish
            "carrierkey1, eventgate.orders, OrderCreated",   // the carrier speaking as us
            "carrierkey1, com.carrier,      OrderCreated",   // the carrier, our event name under its source
            "carrierkey1, aws.events,       OrderShipped",   // AWS's own namespace
            "otherkey3,   com.carrier,      OrderShipped",   // a valid key in no partner's grants
            ",            com.carrier,      OrderShipped"})  // no key at all
    void turnsAnyPairTheKeyMayNotPublishIntoAnEntryEventBridgeRefuses(String key, String source, String name) {
        String body = SHIPPED.replace("com.carrier", source).replace("\"OrderShipped\"", "\"" + name + "\"");

        JsonNode entries = JsonDocs.read(request(key, body)).path("Entries");

        assertThat(entries).hasSize(1);
        assertThat(entries.at("/0/Source").asString()).isEqualTo(PutEventsTemplates.REFUSED_SOURCE).startsWith("aws.");
        assertThat(entries.at("/0").has("Detail")).as("nothing of the caller's goes anywhere").isFalse();
    }

    @Test
    void letsEachPartnerPublishItsOwnPairs() {
        String delivered = """
                {"metadata":{"source":"com.acme","eventName":"OrderDelivered","eventSchemaVersion":"1"},
                 "data":{"orderId":"o-1","deliveredAt":"2026-11-23T12:00:00Z"}}""";

        JsonNode entry = JsonDocs.read(request("acmekey2", delivered)).at("/Entries/0");

        assertThat(entry.path("Source").asString()).isEqualTo("com.acme");
        assertThat(JsonDocs.read(entry.path("Detail").asString()).at("/metadata/correlationId").asString())
                .as("the request id when the caller sent none").isEqualTo("req-1");
    }

    @Test
    void answersTheEventIdWhenTheEntryWasTaken() {
        Rendered ok = response("200", "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}");

        assertThat(ok.status()).isNull();
        assertThat(ok.json()).isEqualTo(JsonDocs.read("{\"eventId\":\"e-1\"}"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource(delimiter = '|', value = {
            "NotAuthorizedForSourceException     | Not authorized for the source.  | 403 | AccessDeniedException        | false",
            "NotAuthorizedForDetailTypeException | Not authorized.                 | 403 | AccessDeniedException        | false",
            "InvalidArgument | Parameter Detail is not valid. Reason: Detail is a required argument. | 403 | AccessDeniedException | false",
            "InvalidArgument                     | Parameter Time is not valid.    | 400 | BadRequestException          | false",
            "MalformedDetail                     | Detail is malformed.            | 400 | BadRequestException          | false",
            "ThrottlingException                 | Rate exceeded                   | 429 | TooManyRequestsException     | true",
            "InternalFailure                     | Internal failure                | 503 | ServiceUnavailableException  | true",
            "AccessDeniedException               | Not allowed                     | 500 | InternalServerErrorException | true",
            "SomethingNew                        | ?                               | 500 | InternalServerErrorException | true"})
    void answersAFailedEntryWithAStatusThatSaysWhetherToRetry(String code, String message, int status, String type,
                                                             boolean retryable) {
        Rendered failed = response("200", """
                {"FailedEntryCount":1,"Entries":[{"ErrorCode":"%s","ErrorMessage":"%s"}]}""".formatted(code, message));

        assertThat(failed.status()).isEqualTo(status);
        assertThat(failed.headers()).containsEntry("x-amzn-ErrorType", type);
        assertThat(failed.json().path("retryable").asBoolean()).isEqualTo(retryable);
        assertThat(failed.json().path("message").asString()).isNotBlank();
        assertThat(failed.json().path("errorCode").asString()).isEqualTo(status == 403 ? "" : code);
    }

    @ParameterizedTest(name = "{0} {1} → {3}")
    @CsvSource(delimiter = '|', value = {
            "400 | ThrottlingException                       | Rate exceeded         | 429 | true",
            "400 | ValidationException | Total size of the entries in the request is over the limit. | 413 | false",
            "400 | ValidationException                       | 1 validation error    | 400 | false",
            "400 | SerializationException                    | Start of structure    | 400 | false",
            "400 | com.amazonaws.events#AccessDeniedException | User is not authorized | 500 | true",
            "403 | UnrecognizedClientException               | The security token    | 500 | true",
            "400 | ResourceNotFoundException                 | Event bus x not found | 500 | true",
            "500 | InternalException                         | Internal error        | 503 | true",
            "500 | ThrottlingException                       | Rate exceeded         | 429 | true"})
    void answersARefusedRequestWithAStatusThatSaysWhetherToRetry(String backend, String type, String message,
                                                                int status, boolean retryable) {
        String statusCode = backend.startsWith("5") ? "503" : "400";

        Rendered refused = response(statusCode, """
                {"__type":"%s","message":"%s"}""".formatted(type, message));

        assertThat(refused.status()).isEqualTo(status);
        assertThat(refused.json().path("retryable").asBoolean()).isEqualTo(retryable);
        assertThat(refused.headers()).containsKey("x-amzn-ErrorType");
    }

    @Test
    void answersAnEmptyErrorWithoutGuessingTheCallersFault() {
        assertThat(response("400", "").status()).isEqualTo(500);
        assertThat(response("503", "").status()).isEqualTo(503);
        Rendered tooLarge = response("413", "");
        assertThat(tooLarge.headers()).containsEntry("x-amzn-ErrorType", "RequestTooLargeException");
        assertThat(tooLarge.json().path("retryable").asBoolean()).isFalse();
    }

    @Test
    void selectsTheResponseByTheBackendStatusWithoutOverlap() {
        for (String status : List.of("200", "201", "400", "403", "404", "413", "429", "499", "500", "503", "504")) {
            assertThat(PutEventsTemplates.responses().stream().filter(r -> r.selectionPattern() != null
                    && status.matches(r.selectionPattern()))).as(status).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(PutEventsTemplates.responses()).extracting(PutEventsTemplates.Response::statusCode)
                .allMatch(PutEventsTemplates.STATUSES::contains);
    }

    @Test
    void answers413ForWhatLocalCloudsPutEventsReallySaysOfAnOversizedEvent() throws Exception {
        String detail = "{\"big\":\"" + "x".repeat(1024 * 1024) + "\"}";
        String request = JsonDocs.mapper().writeValueAsString(Map.of("Entries", List.of(Map.of(
                "Source", "com.carrier", "DetailType", "OrderShipped", "EventBusName", "default", "Detail", detail))));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(SharedLocalCloud.get().endpoint().toString()))
                .header("X-Amz-Target", "AWSEvents.PutEvents")
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/events/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        Rendered mapped = response("400", answer.body());
        assertThat(mapped.status()).isEqualTo(413);
        assertThat(mapped.json().path("retryable").asBoolean()).isFalse();
    }
}
