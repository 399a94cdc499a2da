package io.eventgate.orders.aws;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import io.awspring.cloud.autoconfigure.core.CredentialsProperties;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Points every AWS client at {@code eventgate.aws.endpoint}. Spring Cloud AWS builds the DynamoDB and SQS clients
 * from the {@link AwsConnectionDetails} declared here; the EventBridge and DynamoDB Streams clients are built with the
 * same configurer, so all of them always agree on endpoint, region and credentials.
 */
@Configuration(proxyBeanMethods = false)
class AwsClientsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AwsClientsConfiguration.class);

    /**
     * Credentials used only against a local emulator, never against real AWS. Letters and digits only: DynamoDB
     * Local 2.x refuses access key ids with anything else.
     */
    static final String LOCAL_ACCESS_KEY = "eventgatelocal";

    @Bean
    AwsConnectionDetails awsConnectionDetails(AwsSettings settings, CredentialsProperties credentials) {
        boolean emulator = settings.endpoint().isPresent();
        boolean explicitCredentials = StringUtils.hasText(credentials.getAccessKey());
        settings.endpoint().ifPresent(endpoint -> log.info("AWS clients use endpoint {}{}", endpoint,
                explicitCredentials ? "" : " with placeholder credentials"));
        return new AwsConnectionDetails() {
            @Override
            public URI getEndpoint() {
                return settings.endpoint().orElse(null);
            }

            @Override
            public String getRegion() {
                return settings.region().orElse(emulator ? AwsSettings.LOCAL_DEFAULT_REGION : null);
            }

            // Emulators accept any credentials, so a developer needs none configured. Against real AWS (no endpoint)
            // these stay null and the SDK's default credentials chain applies.
            @Override
            public String getAccessKey() {
                return emulator && !explicitCredentials ? LOCAL_ACCESS_KEY : null;
            }

            @Override
            public String getSecretKey() {
                return emulator && !explicitCredentials ? LOCAL_ACCESS_KEY : null;
            }
        };
    }

    @Bean(destroyMethod = "close")
    EventBridgeClient eventBridgeClient(AwsClientBuilderConfigurer configurer, AwsConnectionDetails connection,
            AwsSettings settings) {
        var builder = configurer.configure(EventBridgeClient.builder(), null, connection);
        settings.eventBridgeEndpoint().ifPresent(builder::endpointOverride);
        // The relay resends failed entries itself with its own backoff; a short SDK timeout keeps an outage from
        // blocking the relay thread for long.
        return builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(10))
                        .apiCallAttemptTimeout(Duration.ofSeconds(3))
                        .build())
                .build();
    }

    /** Reads the orders table's stream (the live updates' change feed); on AWS its own endpoint, else the edge. */
    @Bean(destroyMethod = "close")
    DynamoDbStreamsClient dynamoDbStreamsClient(AwsClientBuilderConfigurer configurer, AwsConnectionDetails connection) {
        return configurer.configure(DynamoDbStreamsClient.builder(), null, connection)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(10))
                        .build())
                .build();
    }
}
