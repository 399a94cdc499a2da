package io.eventgate.localcloud.events.delivery;

import io.eventgate.localcloud.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Talks SQS's JSON protocol to the SQS backend (ElasticMQ) directly, on its loopback port.
 *
 * <p>Queue URLs are cached for a second (off the hot path, yet a deleted queue is noticed at once); policies are read
 * from local-cloud's own store on every delivery, so a changed policy applies to the next event.
 */
final class SqsGateway {

    private static final Duration CACHE_FOR = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A queue as delivery needs it. */
    record QueueInfo(String url, Optional<JsonNode> policy, boolean fifo, Instant fetchedAt) {
    }

    /** SQS answered with an error. */
    static final class SqsError extends Exception {
        final int status;
        final String code;

        SqsError(int status, String code, String message) {
            super(code + ": " + message);
            this.status = status;
            this.code = code;
        }

        boolean queueMissing() {
            return code.contains("NonExistentQueue") || code.contains("QueueDoesNotExist");
        }
    }

    private final URI backend;
    private final HttpClient http;
    private final Clock clock;
    private final Function<String, Optional<String>> policies;
    private final Map<String, QueueInfo> queues = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> parsedPolicies = new ConcurrentHashMap<>();

    /** @param policies a queue's {@code Policy} document by queue name */
    SqsGateway(URI backend, HttpClient http, Clock clock, Function<String, Optional<String>> policies) {
        this.backend = backend;
        this.http = http;
        this.clock = clock;
        this.policies = policies;
    }

    /** The queue with this ARN, or empty when it does not exist. */
    Optional<QueueInfo> queue(String queueArn) throws IOException, InterruptedException, SqsError {
        String[] parts = queueArn.split(":", 6);
        if (parts.length != 6 || !"sqs".equals(parts[2])) {
            return Optional.empty();
        }
        String name = parts[5];
        QueueInfo cached = queues.get(queueArn);
        if (cached == null || !cached.fetchedAt().plus(CACHE_FOR).isAfter(clock.instant())) {
            ObjectNode lookup = Json.object().put("QueueName", name).put("QueueOwnerAWSAccountId", parts[4]);
            try {
                String url = call("GetQueueUrl", lookup).path("QueueUrl").asString();
                cached = new QueueInfo(url, Optional.empty(), name.endsWith(".fifo"), clock.instant());
                queues.put(queueArn, cached);
            } catch (SqsError e) {
                if (e.queueMissing()) {
                    queues.remove(queueArn);
                    return Optional.empty();
                }
                throw e;
            }
        }
        return Optional.of(new QueueInfo(cached.url(), policies.apply(name).map(this::parsePolicy), cached.fifo(),
                cached.fetchedAt()));
    }

    private JsonNode parsePolicy(String text) {
        return parsedPolicies.computeIfAbsent(text, t -> {
            if (parsedPolicies.size() > 1_000) {
                parsedPolicies.clear();
            }
            try {
                return Json.parse(t);
            } catch (JacksonException e) {
                return Json.object(); // stored policies are validated JSON; an empty one allows nothing
            }
        });
    }

    /** Forgets a cached queue (it was found missing). */
    void forget(String queueArn) {
        queues.remove(queueArn);
    }

    /** One SQS JSON-protocol call; the response document, or {@link SqsError} for an error answer. */
    JsonNode call(String operation, ObjectNode input) throws IOException, InterruptedException, SqsError {
        HttpRequest request = HttpRequest.newBuilder(backend)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AmazonSQS." + operation)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(input)))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
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
