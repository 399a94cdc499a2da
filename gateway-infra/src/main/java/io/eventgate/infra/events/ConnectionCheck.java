package io.eventgate.infra.events;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionResponse;

/**
 * Whether a connection can authorize EventBridge's calls, once it has settled. EventBridge accepts a connection it
 * cannot use: an OAuth connection whose endpoint refuses ends {@code DEAUTHORIZED}, and LocalStack, when Secrets
 * Manager is not enabled, keeps a connection without any credentials and only logs a warning. Both look like success
 * to {@code CreateConnection}; calls through them fail later, quietly on LocalStack.
 */
final class ConnectionCheck {

    /** How long a connection may stay authorizing before apply gives up on it; Terraform's AWS provider waits as long. */
    static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(2);
    private static final Set<String> SETTLING = Set.of("CREATING", "UPDATING", "AUTHORIZING", "DEAUTHORIZING");
    /** AUTHORIZED for public endpoints, ACTIVE for private ones (VPC Lattice). */
    private static final Set<String> WORKING = Set.of("AUTHORIZED", "ACTIVE");
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final EventBridgeClient events;
    private final Duration timeout;

    ConnectionCheck(EventBridgeClient events, Duration timeout) {
        this.events = events;
        this.timeout = timeout;
    }

    /**
     * Waits while the connection is in a transitional state (at most the timeout), then judges it.
     *
     * @param remedy what the operator can do when the connection is deauthorized
     */
    Optional<String> problem(String connection, String remedy) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            DescribeConnectionResponse live = events.describeConnection(b -> b.name(connection));
            boolean settling = SETTLING.contains(live.connectionStateAsString());
            if (!settling || System.nanoTime() - deadline >= 0) {
                return judge(connection, live, remedy, settling ? timeout : Duration.ZERO);
            }
            try {
                Thread.sleep(Math.min(pause.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted while waiting for connection " + connection + " to be authorized");
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    /**
     * The verdict on one description of the connection.
     *
     * @param waited how long it was waited for while it stayed in a transitional state; zero when it settled
     */
    static Optional<String> judge(String connection, DescribeConnectionResponse live, String remedy,
                                  Duration waited) {
        String state = live.connectionStateAsString();
        String reason = live.stateReason() == null || live.stateReason().isBlank() ? ""
                : " (" + live.stateReason() + ")";
        if (!waited.isZero()) {
            return Optional.of("connection " + connection + " is still " + state + reason + " after "
                    + waited.toSeconds() + " s: EventBridge has not finished authorizing it. Run apply again in a"
                    + " while; if it stays so, check that its authorization endpoint answers");
        }
        if (WORKING.contains(state)) {
            if (live.secretArn() == null || live.secretArn().isBlank()) {
                return Optional.of("connection " + connection + " is " + state + " but holds no credentials (it has"
                        + " no SecretArn), so EventBridge cannot authorize any call through it. EventBridge keeps a"
                        + " connection's credentials in Secrets Manager: on LocalStack, enable secretsmanager in"
                        + " SERVICES (LocalStack only logs a warning when it cannot store the secret), then run"
                        + " apply again, which hands the connection its key again");
            }
            return Optional.empty();
        }
        if ("DEAUTHORIZED".equals(state)) {
            return Optional.of("connection " + connection + " is DEAUTHORIZED" + reason + ": EventBridge calls"
                    + " nothing through it. " + remedy);
        }
        if ("FAILED_CONNECTIVITY".equals(state)) {
            return Optional.of("connection " + connection + " is FAILED_CONNECTIVITY" + reason + ": EventBridge"
                    + " cannot reach the private endpoint behind it. Fix its network path, then run apply again");
        }
        return Optional.of("connection " + connection + " is " + state + reason + ", not AUTHORIZED: EventBridge"
                + " will not call the endpoint through it. " + remedy);
    }
}
