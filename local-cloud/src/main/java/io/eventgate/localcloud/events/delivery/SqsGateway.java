package io.eventgate.localcloud.events.delivery;

import io.eventgate.localcloud.json.Json;
import io.eventgate.localcloud.sqs.LocalQueues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reaches the SQS backend's queues for delivery: in-process through {@link LocalQueues} (ElasticMQ's queue actors),
 * not over HTTP.
 *
 * <p>Whether a queue exists is cached for 30 s to keep lookups off the hot path; a queue deleted meanwhile is noticed
 * when a send finds it missing ({@link #forget}). Policies are read from local-cloud's own store on every delivery, so
 * a changed policy applies to the next event.
 */
final class SqsGateway {

    private static final Duration CACHE_FOR = Duration.ofSeconds(30);

    /** A lookup, shared by everyone who needs it while it runs and for {@link #CACHE_FOR} after. */
    private record Lookup(CompletableFuture<Boolean> exists, Instant at) {
    }

    /** A queue as delivery needs it. */
    record QueueInfo(String name, Optional<JsonNode> policy, boolean fifo, Instant fetchedAt) {
    }

    private final LocalQueues queues;
    private final Clock clock;
    private final Function<String, Optional<String>> policies;
    private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> parsedPolicies = new ConcurrentHashMap<>();

    /** @param policies a queue's {@code Policy} document by queue name */
    SqsGateway(LocalQueues queues, Clock clock, Function<String, Optional<String>> policies) {
        this.queues = queues;
        this.clock = clock;
        this.policies = policies;
    }

    /** The queue with this ARN, or empty when it does not exist. */
    Optional<QueueInfo> queue(String queueArn) throws InterruptedException, LocalQueues.Unavailable {
        String[] parts = queueArn.split(":", 6);
        if (parts.length != 6 || !"sqs".equals(parts[2])) {
            return Optional.empty();
        }
        String name = parts[5];
        Lookup lookup = lookups.get(queueArn);
        while (lookup == null || lookup.at().plus(CACHE_FOR).isBefore(clock.instant())) {
            // One lookup per queue at a time: a burst of deliveries to a cold queue waits for it.
            Lookup fresh = new Lookup(new CompletableFuture<>(), clock.instant());
            boolean mine = lookup == null ? lookups.putIfAbsent(queueArn, fresh) == null
                    : lookups.replace(queueArn, lookup, fresh);
            if (mine) {
                try {
                    fresh.exists().complete(queues.exists(name));
                } catch (InterruptedException | LocalQueues.Unavailable | RuntimeException e) {
                    fresh.exists().completeExceptionally(e);
                }
                lookup = fresh;
            } else {
                lookup = lookups.get(queueArn); // someone else's lookup (or none any more: try again)
            }
        }
        if (!await(lookup.exists())) {
            lookups.remove(queueArn, lookup); // a missing queue is looked up again next time
            return Optional.empty();
        }
        return Optional.of(new QueueInfo(name, policies.apply(name).map(this::parsePolicy), name.endsWith(".fifo"),
                lookup.at()));
    }

    private boolean await(CompletableFuture<Boolean> exists) throws InterruptedException, LocalQueues.Unavailable {
        try {
            return exists.get();
        } catch (ExecutionException e) {
            lookups.values().removeIf(l -> l.exists() == exists);
            switch (e.getCause()) {
                case LocalQueues.Unavailable unavailable -> throw unavailable;
                case InterruptedException interrupted -> throw interrupted;
                case RuntimeException runtime -> throw runtime;
                default -> throw new IllegalStateException(e.getCause());
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

    /** Sends to a queue by name: one outcome per message, in order; empty when the queue does not exist. */
    Optional<List<LocalQueues.Outcome>> send(String queueName, List<LocalQueues.Outgoing> messages)
            throws InterruptedException, LocalQueues.Unavailable {
        return queues.send(queueName, messages);
    }
}
