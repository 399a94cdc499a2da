package io.eventgate.orders.aws;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The AWS clients Spring Cloud AWS has no starter for — EventBridge and DynamoDB Streams — built with its
 * {@link AwsClientBuilderConfigurer} and service-aws's connection details, so they agree with the starters' DynamoDB
 * and SQS clients on endpoint, region and credentials.
 */
@Configuration(proxyBeanMethods = false)
class AwsClientsConfiguration {

    @Bean(destroyMethod = "close")
    EventBridgeClient eventBridgeClient(AwsClientBuilderConfigurer configurer, AwsConnectionDetails connection,
            EventBridgeSettings settings) {
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
