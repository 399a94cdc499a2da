package io.eventgate.localcloud.events.apidestination;

import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.LocalCloudSettings;
import io.eventgate.localcloud.TestClients;
import io.eventgate.localcloud.events.apidestination.Partner.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;
import software.amazon.awssdk.services.eventbridge.model.ConnectionOAuthHttpMethod;
import software.amazon.awssdk.services.eventbridge.model.ConnectionState;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connection states as AWS reports them: an OAuth connection is {@code AUTHORIZING} until its authorization endpoint
 * gives a token, then {@code AUTHORIZED}, or {@code DEAUTHORIZED} with a reason when the endpoint refuses;
 * {@code DeauthorizeConnection} removes the secret until the credentials are handed over again.
 */
class ConnectionStateTest {

    private static final String TOKEN = "{\"access_token\":\"t-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}";

    private static LocalCloud cloud;
    private static EventBridgeClient events;
    private static Partner authServer;

    @BeforeAll
    static void start() throws Exception {
        cloud = LocalCloud.start(LocalCloudSettings.forTests());
        events = TestClients.of(EventBridgeClient.builder(), cloud.endpoint());
        authServer = new Partner();
    }

    @AfterAll
    static void stop() {
        authServer.close();
        events.close();
        cloud.close();
    }

    @Test
    void anOAuthConnectionIsAuthorizingUntilItsEndpointGivesATokenThenAuthorized() {
        authServer.script("/slow-token", new Response(200, Map.of("Content-Type", "application/json"), TOKEN, false)
                .after(Duration.ofMillis(1500)));

        String state = oauth("slow", "/slow-token");
        DescribeConnectionResponse meanwhile = events.describeConnection(b -> b.name("slow"));

        assertThat(state).isEqualTo("AUTHORIZING");
        assertThat(meanwhile.connectionState()).isEqualTo(ConnectionState.AUTHORIZING);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.describeConnection(b -> b.name("slow"))
                .connectionState() == ConnectionState.AUTHORIZED);
        DescribeConnectionResponse authorized = events.describeConnection(b -> b.name("slow"));
        assertThat(authorized.secretArn()).isNotBlank();
        assertThat(authorized.stateReason()).isNull();
        assertThat(authServer.requests("/slow-token")).hasSize(1);
    }

    @Test
    void anOAuthConnectionWhoseEndpointRefusesIsDeauthorizedWithTheReasonUntilUpdated() {
        authServer.script("/refusing-token", Response.status(401));

        oauth("refused", "/refusing-token");

        await().atMost(Duration.ofSeconds(10)).until(() -> events.describeConnection(b -> b.name("refused"))
                .connectionState() == ConnectionState.DEAUTHORIZED);
        DescribeConnectionResponse refused = events.describeConnection(b -> b.name("refused"));
        assertThat(refused.stateReason()).contains("HTTP 401");
        assertThat(events.listConnections(b -> b.connectionState(ConnectionState.DEAUTHORIZED)).connections())
                .extracting(c -> c.name()).contains("refused");

        authServer.script("/refusing-token", new Response(200, Map.of("Content-Type", "application/json"), TOKEN,
                false));
        String again = events.updateConnection(b -> b.name("refused")
                .authParameters(a -> a.oAuthParameters(o -> o.clientParameters(c -> c.clientID("client-1")
                        .clientSecret("client-secret-1"))))).connectionStateAsString();

        assertThat(again).isEqualTo("AUTHORIZING");
        await().atMost(Duration.ofSeconds(10)).until(() -> events.describeConnection(b -> b.name("refused"))
                .connectionState() == ConnectionState.AUTHORIZED);
    }

    @Test
    void deauthorizeConnectionRemovesTheSecretUntilTheCredentialsAreHandedOverAgain() {
        events.createConnection(b -> b.name("manual").authorizationType(ConnectionAuthorizationType.API_KEY)
                .authParameters(a -> a.apiKeyAuthParameters(k -> k.apiKeyName("x-api-key").apiKeyValue("k-1"))));

        String deauthorizing = events.deauthorizeConnection(b -> b.name("manual")).connectionStateAsString();
        DescribeConnectionResponse deauthorized = events.describeConnection(b -> b.name("manual"));
        events.updateConnection(b -> b.name("manual").description("no credentials in this update"));
        DescribeConnectionResponse stillDeauthorized = events.describeConnection(b -> b.name("manual"));
        String reauthorized = events.updateConnection(b -> b.name("manual")
                .authParameters(a -> a.apiKeyAuthParameters(k -> k.apiKeyName("x-api-key").apiKeyValue("k-2"))))
                .connectionStateAsString();

        assertThat(deauthorizing).isEqualTo("DEAUTHORIZING");
        assertThat(deauthorized.connectionState()).isEqualTo(ConnectionState.DEAUTHORIZED);
        assertThat(deauthorized.secretArn()).isNull();
        assertThat(deauthorized.stateReason()).isNotBlank();
        assertThat(stillDeauthorized.connectionState()).isEqualTo(ConnectionState.DEAUTHORIZED);
        assertThat(reauthorized).isEqualTo("AUTHORIZED");
        assertThat(events.describeConnection(b -> b.name("manual")).secretArn()).isNotBlank();
    }

    private static String oauth(String name, String tokenPath) {
        return events.createConnection(b -> b.name(name)
                .authorizationType(ConnectionAuthorizationType.OAUTH_CLIENT_CREDENTIALS)
                .authParameters(a -> a.oAuthParameters(o -> o.authorizationEndpoint(authServer.url(tokenPath))
                        .httpMethod(ConnectionOAuthHttpMethod.POST)
                        .clientParameters(c -> c.clientID("client-1").clientSecret("client-secret-1")))))
                .connectionStateAsString();
    }
}
