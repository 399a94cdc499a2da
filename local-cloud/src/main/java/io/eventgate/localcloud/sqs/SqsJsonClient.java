package io.eventgate.localcloud.sqs;

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
 * SQS's JSON protocol towards the SQS backend (ElasticMQ) on its loopback port: what local-cloud's own features
 * (EventBridge delivery, message move tasks) use to reach queues, without going through the edge.
 */
public final class SqsJsonClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** SQS answered with an error. */
    public static final class SqsError extends Exception {
        private final int status;
        private final String code;

        public SqsError(int status, String code, String message) {
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

        public boolean queueMissing() {
            return code.contains("NonExistentQueue") || code.contains("QueueDoesNotExist");
        }
    }

    private final URI backend;
    private final HttpClient http;
    private final Semaphore calls;

    /** @param maxConcurrentCalls calls to the backend at once (a burst must not open thousands of connections) */
    public SqsJsonClient(URI backend, HttpClient http, int maxConcurrentCalls) {
        this.backend = backend;
        this.http = http;
        this.calls = new Semaphore(maxConcurrentCalls);
    }

    /** One call; the response document, or {@link SqsError} for an error answer. */
    public JsonNode call(String operation, ObjectNode input) throws IOException, InterruptedException, SqsError {
        HttpRequest request = HttpRequest.newBuilder(backend)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AmazonSQS." + operation)
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
            throw new SqsError(response.statusCode(), "InternalError",
                    "SQS answered " + operation + " with a body that is not JSON");
        }
        if (response.statusCode() / 100 != 2) {
            String type = body.path("__type").asString("HTTP" + response.statusCode());
            throw new SqsError(response.statusCode(), type.substring(type.indexOf('#') + 1),
                    body.path("message").asString(body.path("Message").asString("")));
        }
        return body;
    }
}
