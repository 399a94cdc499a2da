package io.eventgate.localcloud.events.apidestination;

import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.LocalCloudSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ApiDestinationHttpMethod;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;
import software.amazon.awssdk.services.eventbridge.model.ConnectionOAuthHttpMethod;
import software.amazon.awssdk.services.eventbridge.model.ConnectionState;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiDestinationControlPlaneTest {

    private static final String API_KEY = "key-value-never-shown";
    private static final String PASSWORD = "password-never-shown";
    private static final String CLIENT_SECRET = "client-secret-never-shown";
    private static final String SECRET_HEADER = "header-secret-never-shown";

    private static LocalCloud cloud;
    private static EventBridgeClient events;
    private static final RawBodies wire = new RawBodies();

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(LocalCloudSettings.forTests());
        events = EventBridgeClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(wire))
                .build();
    }

    @AfterAll
    static void stop() {
        events.close();
        cloud.close();
    }

    @Test
    void describesEachAuthorizationTypeWithoutItsSecrets() {
        String apiKeyArn = events.createConnection(b -> b.name("cp-api-key")
                .authorizationType(ConnectionAuthorizationType.API_KEY)
                .authParameters(a -> a.apiKeyAuthParameters(k -> k.apiKeyName("x-api-key").apiKeyValue(API_KEY))
                        .invocationHttpParameters(p -> p.headerParameters(
                                h -> h.key("x-tenant").value("acme").isValueSecret(false),
                                h -> h.key("x-signature").value(SECRET_HEADER).isValueSecret(true)))))
                .connectionArn();
        events.createConnection(b -> b.name("cp-basic").authorizationType(ConnectionAuthorizationType.BASIC)
                .authParameters(a -> a.basicAuthParameters(k -> k.username("carrier").password(PASSWORD))));
        events.createConnection(b -> b.name("cp-oauth")
                .authorizationType(ConnectionAuthorizationType.OAUTH_CLIENT_CREDENTIALS)
                .authParameters(a -> a.oAuthParameters(o -> o.authorizationEndpoint("https://auth.example.com/token")
                        .httpMethod(ConnectionOAuthHttpMethod.POST)
                        .clientParameters(c -> c.clientID("client-1").clientSecret(CLIENT_SECRET)))));

        DescribeConnectionResponse apiKey = events.describeConnection(b -> b.name("cp-api-key"));
        DescribeConnectionResponse basic = events.describeConnection(b -> b.name("cp-basic"));
        DescribeConnectionResponse oauth = events.describeConnection(b -> b.name("cp-oauth"));
        events.listConnections(b -> b.namePrefix("cp-"));

        assertThat(apiKeyArn).matches("arn:aws:events:us-east-1:000000000000:connection/cp-api-key/[0-9a-f-]{36}");
        assertThat(apiKey.connectionState()).isEqualTo(ConnectionState.AUTHORIZED);
        assertThat(apiKey.secretArn()).startsWith("arn:aws:secretsmanager:us-east-1:000000000000:secret:events!");
        assertThat(apiKey.authParameters().apiKeyAuthParameters().apiKeyName()).isEqualTo("x-api-key");
        assertThat(apiKey.authParameters().invocationHttpParameters().headerParameters())
                .extracting(h -> h.key() + "=" + h.value())
                .containsExactly("x-tenant=acme", "x-signature=null");
        assertThat(basic.authParameters().basicAuthParameters().username()).isEqualTo("carrier");
        assertThat(oauth.authParameters().oAuthParameters().clientParameters().clientID()).isEqualTo("client-1");
        assertThat(oauth.authParameters().oAuthParameters().authorizationEndpoint())
                .isEqualTo("https://auth.example.com/token");
        assertThat(wire.all()).isNotEmpty().allSatisfy(body -> assertThat(body)
                .doesNotContain(API_KEY, PASSWORD, CLIENT_SECRET, SECRET_HEADER));
    }

    @Test
    void updatesKeepUnsentSecretsAndListsPageByPage() {
        events.createConnection(b -> b.name("page-a").authorizationType(ConnectionAuthorizationType.BASIC)
                .authParameters(a -> a.basicAuthParameters(k -> k.username("u").password("p"))));
        events.createConnection(b -> b.name("page-b").authorizationType(ConnectionAuthorizationType.BASIC)
                .authParameters(a -> a.basicAuthParameters(k -> k.username("u").password("p"))));

        events.updateConnection(b -> b.name("page-a").description("renamed user")
                .authParameters(a -> a.basicAuthParameters(k -> k.username("other"))));
        var first = events.listConnections(b -> b.namePrefix("page-").limit(1));
        var second = events.listConnections(b -> b.namePrefix("page-").limit(1).nextToken(first.nextToken()));

        DescribeConnectionResponse updated = events.describeConnection(b -> b.name("page-a"));
        assertThat(updated.authParameters().basicAuthParameters().username()).isEqualTo("other");
        assertThat(updated.description()).isEqualTo("renamed user");
        assertThat(first.connections()).extracting(c -> c.name()).containsExactly("page-a");
        assertThat(second.connections()).extracting(c -> c.name()).containsExactly("page-b");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void rejectsBadConnectionsAndStoresNothing() {
        assertThatThrownBy(() -> events.createConnection(b -> b.name("no-block")
                .authorizationType(ConnectionAuthorizationType.API_KEY)
                .authParameters(a -> a.basicAuthParameters(k -> k.username("u").password("p")))))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> events.createConnection(b -> b.name("bad name!")
                .authorizationType(ConnectionAuthorizationType.BASIC)
                .authParameters(a -> a.basicAuthParameters(k -> k.username("u").password("p")))))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> events.describeConnection(b -> b.name("no-block")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void managesApiDestinations() {
        String connection = events.createConnection(b -> b.name("dest-conn")
                .authorizationType(ConnectionAuthorizationType.API_KEY)
                .authParameters(a -> a.apiKeyAuthParameters(k -> k.apiKeyName("x-api-key").apiKeyValue("v"))))
                .connectionArn();

        String arn = events.createApiDestination(b -> b.name("carrier").connectionArn(connection)
                .invocationEndpoint("https://carrier.example.com/shipments/*").httpMethod(ApiDestinationHttpMethod.POST)
                .invocationRateLimitPerSecond(10)).apiDestinationArn();
        events.updateApiDestination(b -> b.name("carrier").invocationRateLimitPerSecond(20));
        var described = events.describeApiDestination(b -> b.name("carrier"));
        var listed = events.listApiDestinations(b -> b.connectionArn(connection));

        assertThat(arn).matches("arn:aws:events:us-east-1:000000000000:api-destination/carrier/[0-9a-f-]{36}");
        assertThat(described.invocationEndpoint()).isEqualTo("https://carrier.example.com/shipments/*");
        assertThat(described.httpMethod()).isEqualTo(ApiDestinationHttpMethod.POST);
        assertThat(described.invocationRateLimitPerSecond()).isEqualTo(20);
        assertThat(described.connectionArn()).isEqualTo(connection);
        assertThat(listed.apiDestinations()).extracting(d -> d.name()).containsExactly("carrier");
        assertThatThrownBy(() -> events.createApiDestination(b -> b.name("carrier").connectionArn(connection)
                .invocationEndpoint("https://x.example.com").httpMethod(ApiDestinationHttpMethod.GET)))
                .isInstanceOf(ResourceAlreadyExistsException.class);

        events.deleteApiDestination(b -> b.name("carrier"));
        assertThatThrownBy(() -> events.describeApiDestination(b -> b.name("carrier")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void rejectsApiDestinationsWithoutAConnectionOrWithABadEndpoint() {
        assertThatThrownBy(() -> events.createApiDestination(b -> b.name("orphan")
                .connectionArn("arn:aws:events:us-east-1:000000000000:connection/none/0")
                .invocationEndpoint("https://x.example.com").httpMethod(ApiDestinationHttpMethod.POST)))
                .isInstanceOf(ResourceNotFoundException.class);
        String connection = events.createConnection(b -> b.name("bad-endpoint-conn")
                .authorizationType(ConnectionAuthorizationType.BASIC)
                .authParameters(a -> a.basicAuthParameters(k -> k.username("u").password("p")))).connectionArn();
        assertThatThrownBy(() -> events.createApiDestination(b -> b.name("ftp").connectionArn(connection)
                .invocationEndpoint("ftp://x.example.com").httpMethod(ApiDestinationHttpMethod.POST)))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> events.createApiDestination(b -> b.name("zero").connectionArn(connection)
                .invocationEndpoint("https://x.example.com").httpMethod(ApiDestinationHttpMethod.POST)
                .invocationRateLimitPerSecond(0)))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThat(events.listApiDestinations(b -> b.namePrefix("ftp")).apiDestinations()).isEmpty();
    }
}
