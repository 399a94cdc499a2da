package io.eventgate.localcloud.edge;

import io.eventgate.localcloud.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls a JSON 1.0/1.1 protocol backend (DynamoDB Local, ElasticMQ) on its loopback port, for local-cloud's own
 * features built on top of it. Errors come back as {@link Failure} with the AWS error name ({@code __type} after its
 * {@code #}).
 */
public final class AwsJsonClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The backend answered with an error. */
    public static class Failure extends Exception {
        private final int status;
        private final String code;

        public Failure(int status, String code, String message) {
            super(code + ": " + message);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private final URI backend;
    private final HttpClient http;
    private final String targetPrefix;
    private final String contentType;
    private final Semaphore calls;

    /** @param maxConcurrentCalls calls to the backend at once (a burst must not open thousands of connections) */
    public AwsJsonClient(URI backend, HttpClient http, String targetPrefix, String contentType,
                         int maxConcurrentCalls) {
        this.backend = backend;
        this.http = http;
        this.targetPrefix = targetPrefix;
        this.contentType = contentType;
        this.calls = new Semaphore(maxConcurrentCalls);
    }

    /** One call; the response document, or {@link Failure} for an error answer. */
    public JsonNode call(String operation, ObjectNode input) throws IOException, InterruptedException, Failure {
        HttpRequest request = HttpRequest.newBuilder(backend)
                .timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .header("X-Amz-Target", targetPrefix + "." + operation)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=localcloud/20260101/us-east-1/local/aws4_request,"
                        + " SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(input)))
                .build();
        HttpResponse<byte[]> response;
        calls.acquire();
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } finally {
            calls.release();
        }
        JsonNode body;
        try {
            body = response.body().length == 0 ? Json.object() : Json.parse(response.body());
        } catch (JacksonException e) {
            throw new Failure(response.statusCode(), "InternalError",
                    operation + " was answered with a body that is not JSON");
        }
        if (response.statusCode() / 100 != 2) {
            String type = body.path("__type").asString("HTTP" + response.statusCode());
            throw new Failure(response.statusCode(), type.substring(type.indexOf('#') + 1),
                    body.path("message").asString(body.path("Message").asString("")));
        }
        return body;
    }
}
