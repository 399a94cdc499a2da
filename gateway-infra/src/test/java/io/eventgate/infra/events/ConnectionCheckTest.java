package io.eventgate.infra.events;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verdict on a connection as EventBridge describes it, including the shape LocalStack gives a connection whose
 * secret it could not store (Secrets Manager not enabled): AUTHORIZED, without a SecretArn. No emulator here
 * produces that shape, so it is built from the SDK's own response type.
 */
class ConnectionCheckTest {

    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:000000000000:secret:events!connection/c/1";
    private static final String REMEDY = "Set THE_KEY and run apply again";

    @Test
    void anAuthorizedConnectionWithItsSecretWorks() {
        assertThat(judge(live("AUTHORIZED", SECRET, null), Duration.ZERO)).isEmpty();
        assertThat(judge(live("ACTIVE", SECRET, null), Duration.ZERO)).as("private endpoints").isEmpty();
    }

    @Test
    void anAuthorizedConnectionWithoutASecretIsLocalStackWithoutSecretsManager() {
        Optional<String> problem = judge(live("AUTHORIZED", null, null), Duration.ZERO);

        assertThat(problem).hasValueSatisfying(p -> assertThat(p)
                .contains("carrier-connection", "no SecretArn", "enable secretsmanager in SERVICES", "apply again"));
    }

    @Test
    void aDeauthorizedConnectionNamesItsReasonAndTheRemedy() {
        Optional<String> problem = judge(live("DEAUTHORIZED", null, "token endpoint answered HTTP 401"), Duration.ZERO);

        assertThat(problem).hasValueSatisfying(p -> assertThat(p)
                .contains("DEAUTHORIZED", "(token endpoint answered HTTP 401)", REMEDY));
    }

    @Test
    void aConnectionStillAuthorizingWhenTheWaitIsOverSaysHowLongItWaited() {
        Optional<String> problem = judge(live("AUTHORIZING", null, null), Duration.ofSeconds(120));

        assertThat(problem).hasValueSatisfying(p -> assertThat(p)
                .contains("still AUTHORIZING", "after 120 s", "Run apply again"));
    }

    @Test
    void anInactiveApiDestinationPointsAtItsConnection() {
        assertThat(ApiDestinationResource.inactive("carrier-shipments", "INACTIVE", "carrier-connection",
                "DEAUTHORIZED")).contains("INACTIVE", "no order would reach the carrier",
                "carrier-connection is DEAUTHORIZED", "fix the connection first", "apply again");
    }

    private static Optional<String> judge(DescribeConnectionResponse live, Duration waited) {
        return ConnectionCheck.judge("carrier-connection", live, REMEDY, waited);
    }

    private static DescribeConnectionResponse live(String state, String secretArn, String reason) {
        return DescribeConnectionResponse.builder().name("carrier-connection").connectionState(state)
                .secretArn(secretArn).stateReason(reason).build();
    }
}
