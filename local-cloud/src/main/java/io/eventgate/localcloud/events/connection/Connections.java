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
import java.util.function.UnaryOperator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * EventBridge connections: the control-plane operations ({@code CreateConnection} ... {@code ListConnections},
 * {@code DeauthorizeConnection}) and, for API destinations, the credentials each call carries. Thread-safe.
 *
 * <p>States follow AWS: a Basic or API-key connection is {@code AUTHORIZED} at once; an OAuth connection starts
 * {@code AUTHORIZING} while its first token is fetched from the authorization endpoint, then becomes
 * {@code AUTHORIZED}, or {@code DEAUTHORIZED} with a {@code StateReason} when the endpoint refuses. A token that cannot
 * be refreshed later deauthorizes the connection too, as does {@code DeauthorizeConnection}, which also removes its
 * secret. A deauthorized connection authorizes no call until an update hands it its credentials again.
 *
 * <p>With a data directory every connection, its credentials included, is stored as it changes (the state files are
 * readable by their owner only) and read back at start; an OAuth connection that was still authorizing is
 * authorized again.
 */
public final class Connections {

    private static final Logger log = LoggerFactory.getLogger(Connections.class);

    private final String region;
    private final String accountId;
    private final Clock clock;
    private static final String KEY = "events/connection/";

    private final ConcurrentMap<String, Connection> byName = new ConcurrentHashMap<>();
    private final OAuthTokens tokens;
    private final StateStore state;

    public Connections(String region, String accountId, Clock clock, HttpClient http) {
        this(region, accountId, clock, http, StateStore.inMemory());
    }

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
        byName.values().stream().filter(c -> Connection.AUTHORIZING.equals(c.state()))
                .forEach(this::authorizeInBackground);
    }

    /** Keeps a connection as it now is (call within the map's compute for that name, so changes stay in order). */
    private Connection stored(Connection connection) {
        state.put(KEY + connection.name(), ConnectionStorage.write(connection));
        return connection;
    }

    /** The operations to register in the EventBridge service, by operation name. */
    public Map<String, Operation> operations() {
        return Map.of(
                "CreateConnection", this::create,
                "DescribeConnection", this::describe,
                "UpdateConnection", this::update,
                "DeleteConnection", this::delete,
                "DeauthorizeConnection", this::deauthorize,
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
        if (connection.deauthorized()) {
            throw new AuthorizationFailedException("Connection " + connection.name() + " is DEAUTHORIZED ("
                    + connection.stateReason().orElse("no reason recorded") + "); update it with its credentials");
        }
        try {
            return CallCredentials.of(connection, tokens);
        } catch (AuthorizationFailedException e) {
            // EventBridge deauthorizes a connection whose OAuth token it cannot refresh.
            settle(connection, c -> c.deauthorized(e.getMessage(), clock.instant()));
            throw e;
        }
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
        boolean oauth = auth instanceof ConnectionAuth.OAuthClientCredentials;
        Connection connection = new Connection(name, arn("connection/" + name + "/" + id), description, auth,
                parameters, Optional.of(secretArn(name)), oauth ? Connection.AUTHORIZING : Connection.AUTHORIZED,
                Optional.empty(), now, now, now);
        byName.compute(name, (key, existing) -> {
            if (existing != null) {
                throw AwsException.alreadyExists("Connection " + name + " already exists.");
            }
            return stored(connection);
        });
        if (oauth) {
            authorizeInBackground(connection);
        }
        return ConnectionViews.arnAndState(connection, connection.state());
    }

    private JsonNode describe(JsonNode input) {
        return ConnectionViews.described(existing(Requests.name(input, "Name", 64)));
    }

    private JsonNode update(JsonNode input) {
        String name = Requests.name(input, "Name", 64);
        Connection updated = change(name, current -> {
            String type = Requests.optional(input, "AuthorizationType").orElse(current.auth().type());
            JsonNode authBlock = Optional.ofNullable(input.get("AuthParameters")).filter(JsonNode::isObject)
                    .orElse(Json.object());
            ConnectionAuth auth = ConnectionRequests.updatedAuth(current.auth(), type, authBlock);
            InvocationParameters parameters = ConnectionRequests.invocationParameters(authBlock,
                    current.invocationParameters());
            Optional<String> description = Requests.description(input).or(current::description);
            Instant now = clock.instant();
            boolean reauthorize = !type.equals(current.auth().type())
                    || ConnectionRequests.carriesCredentials(type, authBlock)
                    || (!current.deauthorized() && authBlock.size() > 0);
            if (!reauthorize) {
                // Without its credentials a deauthorized connection stays so: its secret is gone.
                return stored(new Connection(name, current.arn(), description, auth, parameters,
                        current.secretArn(), current.state(), current.stateReason(), current.creationTime(), now,
                        current.lastAuthorizedTime()));
            }
            boolean oauth = auth instanceof ConnectionAuth.OAuthClientCredentials;
            return stored(new Connection(name, current.arn(), description, auth, parameters,
                    Optional.of(current.secretArn().orElseGet(() -> secretArn(name))),
                    oauth ? Connection.AUTHORIZING : Connection.AUTHORIZED, Optional.empty(), current.creationTime(),
                    now, oauth ? current.lastAuthorizedTime() : now));
        });
        tokens.forget(updated.arn());
        if (Connection.AUTHORIZING.equals(updated.state())) {
            authorizeInBackground(updated);
        }
        return ConnectionViews.arnAndState(updated, updated.state());
    }

    /** {@code DeauthorizeConnection}: removes the secret; calls through the connection fail until it is updated. */
    private JsonNode deauthorize(JsonNode input) {
        String name = Requests.name(input, "Name", 64);
        Connection deauthorized = change(name,
                current -> stored(current.deauthorized("Deauthorized by DeauthorizeConnection", clock.instant())));
        tokens.forget(deauthorized.arn());
        return ConnectionViews.arnAndState(deauthorized, Connection.DEAUTHORIZING);
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
            throw notFound(name);
        }
        tokens.forget(removed.arn());
        return ConnectionViews.arnAndState(removed, "DELETING");
    }

    private JsonNode list(JsonNode input) {
        Optional<String> prefix = Requests.optional(input, "NamePrefix");
        Optional<String> state = Requests.optional(input, "ConnectionState");
        List<Connection> matching = byName.values().stream()
                .filter(c -> prefix.map(c.name()::startsWith).orElse(true))
                .filter(c -> state.map(c.state()::equals).orElse(true))
                .sorted(Comparator.comparing(Connection::name))
                .toList();
        return Pages.page(input, matching, Connection::name, ConnectionViews::summary, Json.object(), "Connections");
    }

    /**
     * Fetches an OAuth connection's first token, as EventBridge does right after it is created or updated, and
     * settles its state: {@code AUTHORIZED}, or {@code DEAUTHORIZED} with the reason the endpoint gave.
     */
    private void authorizeInBackground(Connection connection) {
        ConnectionAuth.OAuthClientCredentials oauth = (ConnectionAuth.OAuthClientCredentials) connection.auth();
        Thread.ofVirtual().name("connection-authorize-" + connection.name()).start(() -> {
            try {
                tokens.token(connection.arn(), oauth);
                settle(connection, c -> c.authorized(c.secretArn().orElseGet(() -> secretArn(c.name())),
                        clock.instant()));
            } catch (AuthorizationFailedException e) {
                log.warn("Connection {} could not be authorized and is DEAUTHORIZED: {}", connection.name(),
                        e.getMessage());
                settle(connection, c -> c.deauthorized(e.getMessage(), clock.instant()));
            }
        });
    }

    /** Applies a state change unless the connection was updated or deleted in the meantime. */
    private void settle(Connection seen, UnaryOperator<Connection> change) {
        byName.computeIfPresent(seen.name(),
                (key, current) -> current == seen ? stored(change.apply(current)) : current);
    }

    private String secretArn(String name) {
        return "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:events!connection/" + name + "/"
                + UUID.randomUUID();
    }

    private Connection existing(String name) {
        Connection connection = byName.get(name);
        if (connection == null) {
            throw notFound(name);
        }
        return connection;
    }

    /** Replaces an existing connection atomically with what the change makes of it. */
    private Connection change(String name, UnaryOperator<Connection> change) {
        return byName.compute(name, (key, current) -> {
            if (current == null) {
                throw notFound(name);
            }
            return change.apply(current);
        });
    }

    private static AwsException notFound(String name) {
        return AwsException.notFound("Failed to describe the connection(s). Connection '" + name
                + "' does not exist.");
    }

    private String arn(String resource) {
        return "arn:aws:events:" + region + ":" + accountId + ":" + resource;
    }
}
