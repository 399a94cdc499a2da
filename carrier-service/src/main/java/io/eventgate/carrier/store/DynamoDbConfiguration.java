package io.eventgate.carrier.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the one AWS client the carrier has: DynamoDB, for its own table. */
@Configuration(proxyBeanMethods = false)
class DynamoDbConfiguration {

    /** Letters only: DynamoDB Local refuses access keys with other characters. */
    static final String LOCAL_PLACEHOLDER = "eventgatelocal";

    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDbClient(AwsSettings aws) {
        var builder = DynamoDbClient.builder()
                .region(Region.of(aws.region()))
                .credentialsProvider(credentials(aws))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(aws.maxConnections()))
                .overrideConfiguration(o -> o.apiCallTimeout(aws.apiCallTimeout()));
        if (aws.endpoint() != null) {
            builder.endpointOverride(aws.endpoint());
        }
        return builder.build();
    }

    @Bean
    CarrierTable carrierTable(DynamoDbClient dynamo, StoreSettings settings) {
        CarrierTable table = new CarrierTable(dynamo, settings.tableName());
        if (settings.createTable()) {
            table.createIfMissing();
        }
        return table;
    }

    /**
     * Static keys when configured; otherwise the default chain. Against a local endpoint (local-cloud, LocalStack),
     * which accepts any credentials, a machine without AWS credentials falls back to placeholder ones instead of
     * failing every call.
     */
    static AwsCredentialsProvider credentials(AwsSettings aws) {
        if (aws.accessKeyId() != null && !aws.accessKeyId().isBlank()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(aws.accessKeyId(), aws.secretAccessKey() == null ? "" : aws.secretAccessKey()));
        }
        if (aws.endpoint() != null) {
            return AwsCredentialsProviderChain.builder()
                    .credentialsProviders(DefaultCredentialsProvider.builder().build(),
                            StaticCredentialsProvider.create(
                                    AwsBasicCredentials.create(LOCAL_PLACEHOLDER, LOCAL_PLACEHOLDER)))
                    .build();
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
