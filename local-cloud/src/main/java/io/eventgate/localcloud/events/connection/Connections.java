package io.eventgate.localcloud.events.connection;

import io.eventgate.localcloud.edge.AwsException;
import io.eventgate.localcloud.edge.AwsJsonService.Operation;
import io.eventgate.localcloud.events.control.Pages;
import io.eventgate.localcloud.events.control.Requests;
import io.eventgate.localcloud.json.Json;
import io.eventgate.localcloud.state.StateStore;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.databind.JsonNode;

/**
 * EventBridge connections: the control-plane operations ({@code CreateConnection} ... {@code ListConnections}) and,
 * for API destinations, the credentials each call carries. Thread-safe.
 */
public final class Connections {

    private final String region;
    private final String accountId;
    private final Clock clock;
    private final ConcurrentMap<String, Connection> byName = new ConcurrentHashMap<>();
    private final OAuthTokens tokens;
    private final StateStore state;

    public Connections(String region, String accountId, Clock clock, HttpClient http) {
        this(region, accountId, clock, http, StateStore.inMemory());
    }

    /** Connections, with those stored in the data directory (secrets included) read back. */
    public Connections(String region, String accountId, Clock clock, HttpClient http, StateStore state) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
        this.tokens = new OAuthTokens(http, clock);
        this.state = state;
        for (StateStore.Entry entry : state.entries(KEY)) {
            Connection connection = ConnectionStorage.read(entry.value());
            byName.put(connection.name(), connection);
        }
    }

    private static final String KEY = "events/connection/";

    /** The operations to register in the EventBridge service, by operation name. */
    public Map<String, Operation> operations() {
        return Map.of(
                "CreateConnection", this::create,
                "DescribeConnection", this::describe,
                "UpdateConnection", this::update,
                "DeleteConnection", this::delete,
                "ListConnections", this::list);
    }

    /** Whether a connection with this ARN exists. */
    public boolean exists(String connectionArn) {
        return byArn(connectionArn).isPresent();
    }

    /**
     * What a call through this connection must carry: its authorization and invocation parameters. For OAuth
     * this may fetch a token from the authorization endpoint (reused until shortly before it expires).
     *
     * @throws AuthorizationFailedException when the connection is gone or no token could be obtained
     */
    public CallCredentials credentials(String connectionArn) {
        Connection connection = byArn(connectionArn).orElseThrow(
                () -> new AuthorizationFailedException("Connection " + connectionArn + " does not exist"));
        return CallCredentials.of(connection, tokens);
    }

    /** After a 401 or 407 from the endpoint: the next call fetches a new OAuth token. */
    public void rejectedCredentials(String connectionArn) {
        tokens.forget(connectionArn);
    }

    private Optional<Connection> byArn(String arn) {
        return byName.values().stream().filter(c -> c.arn().equals(arn)).findFirst();
    }

    private JsonNode create(JsonNode input) {
        String name = Requests.name(input, "Name", 64);
        Optional<String> description = Requests.description(input);
        String type = Requests.required(input, "AuthorizationType");
        JsonNode authBlock = Optional.ofNullable(input.get("AuthParameters")).filter(JsonNode::isObject)
                .orElseThrow(() -> AwsException.validation("AuthParameters is required"));
        ConnectionAuth auth = ConnectionRequests.newAuth(type, authBlock);
        InvocationParameters parameters = ConnectionRequests.invocationParameters(authBlock,
                InvocationParameters.NONE);
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        Connection connection = new Connection(name, arn("connection/" + name + "/" + id), description, auth,
                parameters, "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:events!connection/"
                + name + "/" + id, now, now, now);
        byName.compute(name, (key, existing) -> {
            if (existing != null) {
                throw AwsException.alreadyExists("Connection " + name + " already exists.");
            }
            state.put(KEY + name, ConnectionStorage.write(connection));
            return connection;
        });
        return ConnectionViews.arnAndState(connection, Connection.STATE);
    }

    private JsonNode describe(JsonNode input) {
        return ConnectionViews.described(existing(Requests.name(input, "Name", 64)));
    }

    private JsonNode update(JsonNode input) {
        String name = Requests.name(input, "Name", 64);
        Connection updated = byName.compute(name, (key, current) -> {
            if (current == null) {
                throw AwsException.notFound("Failed to describe the connection(s). Connection '" + name
                        + "' does not exist.");
            }
            String type = Requests.optional(input, "AuthorizationType").orElse(current.auth().type());
            JsonNode authBlock = Optional.ofNullable(input.get("AuthParameters")).filter(JsonNode::isObject)
                    .orElse(Json.object());
            ConnectionAuth auth = ConnectionRequests.updatedAuth(current.auth(), type, authBlock);
            InvocationParameters parameters = ConnectionRequests.invocationParameters(authBlock,
                    current.invocationParameters());
            Optional<String> description = Requests.description(input).or(current::description);
            Instant now = clock.instant();
            Connection changed = new Connection(name, current.arn(), description, auth, parameters,
                    current.secretArn(), current.creationTime(), now, now);
            state.put(KEY + name, ConnectionStorage.write(changed));
            return changed;
        });
        tokens.forget(updated.arn());
        return ConnectionViews.arnAndState(updated, Connection.STATE);
    }

    private JsonNode delete(JsonNode input) {
        String name = Requests.name(input, "Name", 64);
        Connection[] removedHolder = new Connection[1];
        byName.computeIfPresent(name, (key, current) -> {
            state.delete(KEY + name);
            removedHolder[0] = current;
            return null;
        });
        Connection removed = removedHolder[0];
        if (removed == null) {
            throw AwsException.notFound("Failed to describe the connection(s). Connection '" + name
                    + "' does not exist.");
        }
        tokens.forget(removed.arn());
        return ConnectionViews.arnAndState(removed, "DELETING");
    }

    private JsonNode list(JsonNode input) {
        Optional<String> prefix = Requests.optional(input, "NamePrefix");
        Optional<String> state = Requests.optional(input, "ConnectionState");
        List<Connection> matching = byName.values().stream()
                .filter(c -> prefix.map(c.name()::startsWith).orElse(true))
                .filter(c -> state.map(Connection.STATE::equals).orElse(true))
                .sorted(Comparator.comparing(Connection::name))
                .toList();
        return Pages.page(input, matching, Connection::name, ConnectionViews::summary, Json.object(), "Connections");
    }

    private Connection existing(String name) {
        Connection connection = byName.get(name);
        if (connection == null) {
            throw AwsException.notFound("Failed to describe the connection(s). Connection '" + name
                    + "' does not exist.");
        }
        return connection;
    }

    private String arn(String resource) {
        return "arn:aws:events:" + region + ":" + accountId + ":" + resource;
    }
}
