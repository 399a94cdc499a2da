package io.eventgate.localcloud.events.apidestination;

import io.eventgate.localcloud.edge.AwsException;
import io.eventgate.localcloud.edge.AwsJsonService.Operation;
import io.eventgate.localcloud.events.connection.Connections;
import io.eventgate.localcloud.events.control.Pages;
import io.eventgate.localcloud.events.control.Requests;
import io.eventgate.localcloud.json.Json;
import io.eventgate.localcloud.state.StateStore;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * EventBridge API destinations: the control-plane operations and the lookup the invoker uses. Thread-safe.
 */
public final class ApiDestinations {

    private static final Set<String> METHODS = Set.of("POST", "GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE");

    private final String region;
    private final String accountId;
    private final Clock clock;
    private final Connections connections;
    private final ConcurrentMap<String, ApiDestination> byName = new ConcurrentHashMap<>();
    private final StateStore state;

    public ApiDestinations(String region, String accountId, Clock clock, Connections connections) {
        this(region, accountId, clock, connections, StateStore.inMemory());
    }

    /** API destinations, with those stored in the data directory read back. */
    public ApiDestinations(String region, String accountId, Clock clock, Connections connections, StateStore state) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
        this.connections = connections;
        this.state = state;
        for (StateStore.Entry entry : state.entries(KEY)) {
            ApiDestination destination = StateStore.read(entry.value(), ApiDestination.class);
            byName.put(destination.name(), destination);
        }
    }

    private static final String KEY = "events/api-destination/";

    /** The operations to register in the EventBridge service, by operation name. */
    public Map<String, Operation> operations() {
        return Map.of(
                "CreateApiDestination", this::create,
                "DescribeApiDestination", this::describe,
                "UpdateApiDestination", this::update,
                "DeleteApiDestination", this::delete,
                "ListApiDestinations", this::list);
    }

    /** Whether an ARN names an API destination (of any account or region): such targets are invoked over HTTP. */
    public static boolean isApiDestinationArn(String arn) {
        return arn.startsWith("arn:aws:events:") && arn.contains(":api-destination/");
    }

    /** Whether an API destination with this ARN exists. */
    public boolean exists(String arn) {
        return find(arn).isPresent();
    }

    Optional<ApiDestination> find(String arn) {
        return byName.values().stream().filter(d -> d.arn().equals(arn)).findFirst();
    }

    private JsonNode create(JsonNode input) {
        String name = Requests.name(input, "Name", 64);
        Instant now = clock.instant();
        ApiDestination destination = new ApiDestination(name,
                "arn:aws:events:" + region + ":" + accountId + ":api-destination/" + name + "/" + UUID.randomUUID(),
                Requests.description(input), connection(input, Optional.empty()), endpoint(input, Optional.empty()),
                method(input, Optional.empty()), rateLimit(input, OptionalInt.empty()), now, now);
        byName.compute(name, (key, existing) -> {
            if (existing != null) {
                throw AwsException.alreadyExists("An api-destination '" + name + "' already exists.");
            }
            state.put(KEY + name, destination);
            return destination;
        });
        return arnAndState(destination);
    }

    private JsonNode describe(JsonNode input) {
        ApiDestination destination = existing(Requests.name(input, "Name", 64));
        ObjectNode view = summary(destination);
        destination.description().ifPresent(d -> view.put("Description", d));
        return view;
    }

    private JsonNode update(JsonNode input) {
        String name = Requests.name(input, "Name", 64);
        ApiDestination updated = byName.compute(name, (key, current) -> {
            if (current == null) {
                throw notFound(name);
            }
            ApiDestination changed = new ApiDestination(name, current.arn(),
                    Requests.description(input).or(current::description),
                    connection(input, Optional.of(current.connectionArn())),
                    endpoint(input, Optional.of(current.invocationEndpoint())),
                    method(input, Optional.of(current.httpMethod())),
                    rateLimit(input, current.rateLimitPerSecond()), current.creationTime(), clock.instant());
            state.put(KEY + name, changed);
            return changed;
        });
        return arnAndState(updated);
    }

    private JsonNode delete(JsonNode input) {
        String name = Requests.name(input, "Name", 64);
        boolean[] removed = {false};
        byName.computeIfPresent(name, (key, current) -> {
            state.delete(KEY + name);
            removed[0] = true;
            return null;
        });
        if (!removed[0]) {
            throw notFound(name);
        }
        return Json.object();
    }

    private JsonNode list(JsonNode input) {
        Optional<String> prefix = Requests.optional(input, "NamePrefix");
        Optional<String> connection = Requests.optional(input, "ConnectionArn");
        List<ApiDestination> matching = byName.values().stream()
                .filter(d -> prefix.map(d.name()::startsWith).orElse(true))
                .filter(d -> connection.map(d.connectionArn()::equals).orElse(true))
                .sorted(Comparator.comparing(ApiDestination::name))
                .toList();
        return Pages.page(input, matching, ApiDestination::name, ApiDestinations::summary, Json.object(),
                "ApiDestinations");
    }

    private String connection(JsonNode input, Optional<String> current) {
        Optional<String> sent = Requests.optional(input, "ConnectionArn");
        String arn = sent.or(() -> current)
                .orElseThrow(() -> AwsException.validation("ConnectionArn is required"));
        if (sent.isPresent() && !connections.exists(arn)) {
            throw AwsException.notFound("Connection '" + arn + "' does not exist.");
        }
        return arn;
    }

    private static String endpoint(JsonNode input, Optional<String> current) {
        String endpoint = Requests.optional(input, "InvocationEndpoint").or(() -> current)
                .orElseThrow(() -> AwsException.validation("InvocationEndpoint is required"));
        try {
            // Wildcards are not valid URL characters everywhere; check the URL with them filled in.
            URI uri = URI.create(endpoint.replace("*", "x"));
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || endpoint.length() > 2048) {
                throw AwsException.validation("InvocationEndpoint must be an http(s) URL of at most 2048 "
                        + "characters, was " + endpoint);
            }
        } catch (IllegalArgumentException e) {
            throw AwsException.validation("InvocationEndpoint is not a valid URL: " + endpoint);
        }
        return endpoint;
    }

    private static String method(JsonNode input, Optional<String> current) {
        String method = Requests.optional(input, "HttpMethod").or(() -> current)
                .orElseThrow(() -> AwsException.validation("HttpMethod is required"));
        if (!METHODS.contains(method)) {
            throw AwsException.validation("1 validation error detected: Value '" + method + "' at 'httpMethod' "
                    + "failed to satisfy constraint: Member must satisfy enum value set: " + METHODS);
        }
        return method;
    }

    private static OptionalInt rateLimit(JsonNode input, OptionalInt current) {
        return Requests.integer(input, "InvocationRateLimitPerSecond", 1, Integer.MAX_VALUE)
                .map(OptionalInt::of).orElse(current);
    }

    private ObjectNode arnAndState(ApiDestination destination) {
        return Json.object().put("ApiDestinationArn", destination.arn())
                .put("ApiDestinationState", ApiDestination.STATE)
                .put("CreationTime", Requests.epochSeconds(destination.creationTime()))
                .put("LastModifiedTime", Requests.epochSeconds(destination.lastModifiedTime()));
    }

    private static ObjectNode summary(ApiDestination destination) {
        ObjectNode view = Json.object()
                .put("ApiDestinationArn", destination.arn())
                .put("Name", destination.name())
                .put("ApiDestinationState", ApiDestination.STATE)
                .put("ConnectionArn", destination.connectionArn())
                .put("InvocationEndpoint", destination.invocationEndpoint())
                .put("HttpMethod", destination.httpMethod());
        destination.rateLimitPerSecond().ifPresent(limit -> view.put("InvocationRateLimitPerSecond", limit));
        view.put("CreationTime", Requests.epochSeconds(destination.creationTime()));
        view.put("LastModifiedTime", Requests.epochSeconds(destination.lastModifiedTime()));
        return view;
    }

    private AwsException notFound(String name) {
        return AwsException.notFound("Failed to describe the api-destination(s). An api-destination '" + name
                + "' does not exist.");
    }

    private ApiDestination existing(String name) {
        ApiDestination destination = byName.get(name);
        if (destination == null) {
            throw notFound(name);
        }
        return destination;
    }
}
