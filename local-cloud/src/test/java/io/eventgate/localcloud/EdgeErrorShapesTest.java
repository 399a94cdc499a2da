package io.eventgate.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgate.localcloud.json.Json;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every path of the edge answers in the error shape of the protocol the request speaks, as AWS does — never a 501
 * for a request AWS calls a client error, never an HTML page, never a parser's class name.
 */
class EdgeErrorShapesTest {

    private static final String SIGNED_APIGATEWAY = "AWS4-HMAC-SHA256 Credential=test/20261123/us-east-1/apigateway/"
            + "aws4_request, SignedHeaders=host, Signature=x";

    private static LocalCloud cloud;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(LocalCloudSettings.forTests());
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static HttpResponse<String> post(String path, String contentType, String target, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.endpoint() + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersAJsonRequestWithoutATargetWithUnknownOperationException() throws Exception {
        HttpResponse<String> missing = post("/", "application/x-amz-json-1.0", null, "{}");
        HttpResponse<String> unknownPrefix = post("/", "application/x-amz-json-1.1", "Nope_2020.DoIt", "{}");
        HttpResponse<String> prefixOnly = post("/", "application/x-amz-json-1.1", "AWSEvents.", "{}");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(Json.parse(missing.body()).get("__type").asString()).isEqualTo("UnknownOperationException");
        assertThat(Json.parse(missing.body()).get("message").asString()).contains("X-Amz-Target").contains("missing");
        assertThat(missing.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.0");
        assertThat(unknownPrefix.statusCode()).isEqualTo(400);
        assertThat(unknownPrefix.body()).contains("UnknownOperationException").contains("Nope_2020.DoIt");
        assertThat(prefixOnly.statusCode()).isEqualTo(400);
        assertThat(prefixOnly.body()).contains("UnknownOperationException").contains("names no operation");
    }

    @Test
    void answersAQueryRequestWithoutAKnownActionInXml() throws Exception {
        HttpResponse<String> missing = post("/", "application/x-www-form-urlencoded", null, "Version=2012-11-05");
        HttpResponse<String> unknown = post("/", "application/x-www-form-urlencoded", null, "Action=LaunchRocket");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("<Code>MissingAction</Code>").startsWith("<?xml");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("<Code>InvalidAction</Code>").contains("LaunchRocket");
    }

    @Test
    void answersUnknownPathsWith404InRestJsonShape() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(cloud.endpoint() + "/no/such/thing"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> apiGateway = http.send(HttpRequest.newBuilder(
                        URI.create(cloud.endpoint() + "/restapis/x/no-such-collection"))
                .header("Authorization", SIGNED_APIGATEWAY).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
        assertThat(Json.parse(response.body()).get("message").asString()).contains("GET /no/such/thing");
        assertThat(apiGateway.statusCode()).isEqualTo(404);
        assertThat(apiGateway.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
    }

    @Test
    void namesAnApiGatewayOperationThatIsNotImplemented() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(cloud.endpoint() + "/restapis/x/authorizers"))
                .header("Authorization", SIGNED_APIGATEWAY).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("NotImplemented");
        assertThat(response.body()).contains("GetAuthorizers");
    }

    @Test
    void answersMalformedSqsJsonWithoutParserClassNames() throws Exception {
        HttpResponse<String> malformed = post("/", "application/x-amz-json-1.0", "AmazonSQS.SendMessage", "{bad");
        HttpResponse<String> notAnObject = post("/", "application/x-amz-json-1.0", "AmazonSQS.SendMessage", "[1]");
        HttpResponse<String> wrongType = post("/", "application/x-amz-json-1.0", "AmazonSQS.SendMessage",
                "{\"QueueUrl\": 5, \"MessageBody\": \"x\"}");
        HttpResponse<String> unknown = post("/", "application/x-amz-json-1.0", "AmazonSQS.LaunchRocket", "{}");

        for (HttpResponse<String> response : java.util.List.of(malformed, notAnObject, wrongType, unknown)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            JsonNode body = Json.parse(response.body());
            assertThat(body.get("__type").asString()).startsWith("com.amazonaws.sqs#");
            assertThat(body.get("message").asString()).doesNotContain("spray").doesNotContain("Exception:")
                    .doesNotContain("Rejection");
            assertThat(response.headers().firstValue("x-amzn-query-error")).isPresent();
        }
        assertThat(Json.parse(wrongType.body()).get("message").asString()).contains("QueueUrl");
        assertThat(Json.parse(unknown.body()).get("message").asString()).contains("LaunchRocket");
    }

    @Test
    void refusesMalformedHttpInAwsShapeNotAnHtmlPage() throws Exception {
        for (String path : new String[] {"/a%00b", "/x/%2e%2e/y", "/..;/restapis"}) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(response).as(path).startsWith("HTTP/1.1 400").containsIgnoringCase("x-amzn-ErrorType: ")
                    .contains("{\"message\":").doesNotContainIgnoringCase("<html");
        }
        String hugeHeader = raw("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(hugeHeader).startsWith("HTTP/1.1 431").contains("{\"message\":").doesNotContainIgnoringCase("<html");
    }

    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", cloud.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
