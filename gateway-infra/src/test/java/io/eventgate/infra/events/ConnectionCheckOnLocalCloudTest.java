package io.eventgate.infra.events;

import com.sun.net.httpserver.HttpServer;
import io.eventgate.infra.LocalTopology;
import io.eventgate.infra.SharedLocalCloud;
import io.eventgate.infra.aws.AwsClients;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;
import software.amazon.awssdk.services.eventbridge.model.ConnectionOAuthHttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waiting for a connection to settle, against local-cloud's connection states: OAuth connections are AUTHORIZING
 * until their authorization endpoint answers, as on AWS, and end AUTHORIZED or DEAUTHORIZED. A real HTTP server
 * plays the authorization endpoint: slow, refusing, or silent.
 */
class ConnectionCheckOnLocalCloudTest {

    private static final String REMEDY = "Fix the endpoint and run apply again";
    private static AwsClients aws;
    private static HttpServer authorizationServer;
    private static final CountDownLatch closing = new CountDownLatch(1);

    @BeforeAll
    static void start() throws IOException {
        aws = new AwsClients(LocalTopology.settings(SharedLocalCloud.get().endpoint(), Map.of()).aws());
        authorizationServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        authorizationServer.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        authorizationServer.createContext("/slow", exchange -> {
            pause(Duration.ofMillis(1500));
            answer(exchange, 200, "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        });
        authorizationServer.createContext("/refusing", exchange -> answer(exchange, 401, "{}"));
        authorizationServer.createContext("/silent", exchange -> {
            pause(Duration.ofSeconds(30));
            exchange.close();
        });
        authorizationServer.start();
    }

    @AfterAll
    static void stop() {
        closing.countDown();
        authorizationServer.stop(0);
        aws.close();
    }

    @Test
    void waitsWhileTheConnectionIsAuthorizingAndPassesOnceItIsAuthorized() {
        oauthConnection("check-slow", "/slow");

        Optional<String> problem = new ConnectionCheck(aws.events(), Duration.ofSeconds(30))
                .problem("check-slow", REMEDY);

        assertThat(problem).isEmpty();
        assertThat(aws.events().describeConnection(b -> b.name("check-slow")).connectionStateAsString())
                .isEqualTo("AUTHORIZED");
    }

    @Test
    void reportsAConnectionTheEndpointRefusedWithTheReasonAndTheRemedy() {
        oauthConnection("check-refused", "/refusing");

        Optional<String> problem = new ConnectionCheck(aws.events(), Duration.ofSeconds(30))
                .problem("check-refused", REMEDY);

        assertThat(problem).hasValueSatisfying(p -> assertThat(p)
                .contains("check-refused is DEAUTHORIZED", "HTTP 401", REMEDY));
    }

    @Test
    void givesUpOnAConnectionThatStaysAuthorizingPastTheTimeout() {
        oauthConnection("check-silent", "/silent");

        Optional<String> problem = new ConnectionCheck(aws.events(), Duration.ofSeconds(1))
                .problem("check-silent", REMEDY);

        assertThat(problem).hasValueSatisfying(p -> assertThat(p).contains("still AUTHORIZING", "after 1 s"));
    }

    private static void oauthConnection(String name, String path) {
        aws.events().createConnection(b -> b.name(name)
                .authorizationType(ConnectionAuthorizationType.OAUTH_CLIENT_CREDENTIALS)
                .authParameters(a -> a.oAuthParameters(o -> o
                        .authorizationEndpoint("http://127.0.0.1:" + authorizationServer.getAddress().getPort() + path)
                        .httpMethod(ConnectionOAuthHttpMethod.POST)
                        .clientParameters(c -> c.clientID("client").clientSecret("client-secret")))));
    }

    private static void pause(Duration duration) {
        try {
            closing.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
