package io.eventgate.infra.events;

import io.eventgate.infra.provision.CannotConverge;
import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.NamedResource;
import io.eventgate.infra.settings.SecretKeeper;
import io.eventgate.infra.settings.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

/**
 * The connection holding the carrier's inbound API key ({@code API_KEY} auth, sent in {@code x-api-key}).
 *
 * <p>The key comes from {@link Secrets}; when there is none and the connection does not exist yet, a fresh key is
 * generated and handed to the {@link SecretKeeper} before the connection is created.
 */
public final class ConnectionResource extends NamedResource {

    private static final Logger log = LoggerFactory.getLogger(ConnectionResource.class);
    private static final String DESCRIPTION = "eventgate: carrier-service API key; ";

    private final String connection;
    private final String headerName;
    private final Optional<String> knownKey;
    private final SecretKeeper keeper;
    private final EventBridgeClient events;

    public ConnectionResource(String connection, String headerName, Optional<String> knownKey, SecretKeeper keeper,
                              EventBridgeClient events) {
        super("eventbridge connection", connection);
        this.connection = connection;
        this.headerName = headerName;
        this.knownKey = knownKey;
        this.keeper = keeper;
        this.events = events;
    }

    public static String arnFact(String connection) {
        return "events.connection." + connection + ".arn";
    }

    /** The key value, when this run knows it (given, kept earlier, or just generated). */
    public static String keyFact() {
        return "secret." + Secrets.CARRIER_INBOUND_API_KEY;
    }

    /** The authorization type; the key's value is a secret and not part of the description. */
    public String authorizationType() {
        return ConnectionAuthorizationType.API_KEY.toString();
    }

    /** The header the key is sent in. */
    public String headerName() {
        return headerName;
    }

    @Override
    public Change plan(Facts facts) {
        knownKey.ifPresent(key -> facts.put(keyFact(), key));
        Optional<DescribeConnectionResponse> live = describe();
        if (live.isEmpty()) {
            return Change.create(() -> {
                String key = knownKey.orElseGet(() -> {
                    String generated = Secrets.generate();
                    keeper.keep(Secrets.CARRIER_INBOUND_API_KEY, generated);
                    return generated;
                });
                facts.put(keyFact(), key);
                facts.put(arnFact(connection), events.createConnection(b -> b.name(connection)
                        .description(DESCRIPTION + KeyCheck.of(key))
                        .authorizationType(ConnectionAuthorizationType.API_KEY)
                        .authParameters(a -> a.apiKeyAuthParameters(k -> k.apiKeyName(headerName).apiKeyValue(key))))
                        .connectionArn());
            });
        }
        DescribeConnectionResponse current = live.get();
        facts.put(arnFact(connection), current.connectionArn());
        List<String> details = new ArrayList<>();
        if (current.authorizationType() != ConnectionAuthorizationType.API_KEY) {
            details.add("authorization " + current.authorizationTypeAsString() + " -> API_KEY");
        }
        String liveHeader = current.authParameters() == null || current.authParameters().apiKeyAuthParameters() == null
                ? null : current.authParameters().apiKeyAuthParameters().apiKeyName();
        if (!headerName.equals(liveHeader)) {
            details.add("api key header " + liveHeader + " -> " + headerName);
        }
        if (knownKey.isEmpty()) {
            log.warn("The connection {} exists but this run does not know its API key: set {} (or keep the outputs"
                    + " file) so that outputs can show it; setting it also rotates the key on the next apply",
                    connection, Secrets.CARRIER_INBOUND_API_KEY);
            // An unauthorized connection needs its key too: nothing to do here, verify() says what to do.
        } else {
            unauthorized(current).ifPresent(details::add);
            Optional<Boolean> same = KeyCheck.matches(current.description(), knownKey.get());
            if (same.isEmpty()) {
                details.add("api key value: not verifiable (no key check in the description), set again");
            } else if (!same.get()) {
                details.add("api key value: rotated");
            }
        }
        if (details.isEmpty()) {
            return Change.none();
        }
        return Change.update(details, () -> {
            // Without a known key the value cannot be set; only the header name and type are converged then.
            if (knownKey.isPresent()) {
                events.updateConnection(b -> b.name(connection)
                        .description(DESCRIPTION + KeyCheck.of(knownKey.get()))
                        .authorizationType(ConnectionAuthorizationType.API_KEY)
                        .authParameters(a -> a.apiKeyAuthParameters(k -> k.apiKeyName(headerName)
                                .apiKeyValue(knownKey.get()))));
            } else {
                throw new CannotConverge("the connection's key must be set again to"
                        + " change its header or type, but no key is known: set " + Secrets.CARRIER_INBOUND_API_KEY);
            }
        });
    }

    /**
     * After apply the connection must be able to authorize calls: waits while EventBridge authorizes it, then
     * reports a deauthorized connection, or one without credentials (LocalStack without Secrets Manager).
     */
    @Override
    public Optional<String> verify(Facts facts) {
        return new ConnectionCheck(events, ConnectionCheck.SETTLE_TIMEOUT).problem(connection, "Set "
                + Secrets.CARRIER_INBOUND_API_KEY + " (or keep the outputs file that holds it) and run apply again:"
                + " it hands the connection its key again, which re-authorizes it");
    }

    /**
     * Why the live connection needs its key again: EventBridge deauthorized it (and removed its secret), or it
     * never got a secret. Transitional states are left alone.
     */
    private static Optional<String> unauthorized(DescribeConnectionResponse current) {
        String state = current.connectionStateAsString();
        if ("DEAUTHORIZED".equals(state)) {
            return Optional.of("state DEAUTHORIZED"
                    + (current.stateReason() == null ? "" : " (" + current.stateReason() + ")")
                    + " -> AUTHORIZED: set the api key again");
        }
        if (("AUTHORIZED".equals(state) || "ACTIVE".equals(state))
                && (current.secretArn() == null || current.secretArn().isBlank())) {
            return Optional.of("no credentials stored (no SecretArn) -> set the api key again");
        }
        return Optional.empty();
    }

    @Override
    public Change planDeletion(Facts facts) {
        return describe().isEmpty() ? Change.none()
                : Change.delete(() -> events.deleteConnection(b -> b.name(connection)));
    }

    private Optional<DescribeConnectionResponse> describe() {
        try {
            return Optional.of(events.describeConnection(b -> b.name(connection)));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }
}
