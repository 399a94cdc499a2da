package io.eventgate.localcloud.events.delivery;

import io.eventgate.localcloud.json.Json;
import io.eventgate.localcloud.sqs.SqsJsonClient;
import io.eventgate.localcloud.sqs.SqsJsonClient.SqsError;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Talks SQS's JSON protocol to the SQS backend (ElasticMQ) directly, on its loopback port.
 *
 * <p>Queue URLs are cached for 30 s to keep lookups off the hot path; a queue deleted meanwhile is noticed when a send
 * fails ({@link #forget}). Policies are read from local-cloud's own store on every delivery, so a changed policy
 * applies to the next event.
 */
final class SqsGateway {

    private static final Duration CACHE_FOR = Duration.ofSeconds(30);
    /** Calls to the backend at once: a burst of deliveries must not open thousands of connections to ElasticMQ. */
    private static final int MAX_CONCURRENT_CALLS = 32;

    /** A queue URL lookup, shared by everyone who needs it while it runs and for {@link #CACHE_FOR} after. */
    private record Lookup(CompletableFuture<Optional<String>> url, Instant at) {
    }

    /** A queue as delivery needs it. */
    record QueueInfo(String url, Optional<JsonNode> policy, boolean fifo, Instant fetchedAt) {
    }

    private final SqsJsonClient client;
    private final Clock clock;
    private final Function<String, Optional<String>> policies;
    private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> parsedPolicies = new ConcurrentHashMap<>();

    /** @param policies a queue's {@code Policy} document by queue name */
    SqsGateway(URI backend, HttpClient http, Clock clock, Function<String, Optional<String>> policies) {
        this.client = new SqsJsonClient(backend, http, MAX_CONCURRENT_CALLS);
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
        Lookup lookup = lookups.get(queueArn);
        while (lookup == null || lookup.at().plus(CACHE_FOR).isBefore(clock.instant())) {
            // One lookup per queue at a time: a burst of deliveries to a cold queue waits for it instead of
            // sending one GetQueueUrl each.
            Lookup fresh = new Lookup(new CompletableFuture<>(), clock.instant());
            boolean mine = lookup == null ? lookups.putIfAbsent(queueArn, fresh) == null
                    : lookups.replace(queueArn, lookup, fresh);
            if (mine) {
                fetchUrl(parts[4], name, fresh.url());
                lookup = fresh;
            } else {
                lookup = lookups.get(queueArn); // someone else's lookup (or none any more: try again)
            }
        }
        Optional<String> url = await(lookup.url());
        if (url.isEmpty()) {
            lookups.remove(queueArn, lookup); // a missing queue is looked up again next time
            return Optional.empty();
        }
        return Optional.of(new QueueInfo(url.get(), policies.apply(name).map(this::parsePolicy),
                name.endsWith(".fifo"), lookup.at()));
    }

    private void fetchUrl(String account, String name, CompletableFuture<Optional<String>> result) {
        try {
            ObjectNode request = Json.object().put("QueueName", name).put("QueueOwnerAWSAccountId", account);
            result.complete(Optional.of(call("GetQueueUrl", request).path("QueueUrl").asString()));
        } catch (SqsError e) {
            if (e.queueMissing()) {
                result.complete(Optional.empty());
            } else {
                result.completeExceptionally(e);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private Optional<String> await(CompletableFuture<Optional<String>> url)
            throws IOException, InterruptedException, SqsError {
        try {
            return url.get();
        } catch (ExecutionException e) {
            lookups.values().removeIf(l -> l.url() == url);
            switch (e.getCause()) {
                case IOException io -> throw io;
                case SqsError sqs -> throw sqs;
                case InterruptedException interrupted -> throw interrupted;
                case RuntimeException runtime -> throw runtime;
                default -> throw new IOException(e.getCause());
            }
        }
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
        lookups.remove(queueArn);
    }

    /** One SQS JSON-protocol call; the response document, or {@link SqsError} for an error answer. */
    JsonNode call(String operation, ObjectNode input) throws IOException, InterruptedException, SqsError {
        return client.call(operation, input);
    }
}
