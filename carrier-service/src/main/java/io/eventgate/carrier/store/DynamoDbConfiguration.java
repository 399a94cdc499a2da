package io.eventgate.carrier.store;

import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbClientCustomizer;
import io.eventgate.aws.table.LocalTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The carrier's one AWS client, DynamoDB for its own table, is Spring Cloud AWS's (endpoint, region and credentials
 * from service-aws); this only sizes it for the request concurrency and bounds its calls.
 */
@Configuration(proxyBeanMethods = false)
class DynamoDbConfiguration {

    @Bean
    DynamoDbClientCustomizer carrierDynamoDbClient(StoreSettings settings) {
        return builder -> builder
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(settings.maxConnections()))
                .overrideConfiguration(o -> o.apiCallTimeout(settings.apiCallTimeout()));
    }

    @Bean
    CarrierTable carrierTable(DynamoDbClient dynamo, StoreSettings settings) {
        CarrierTable table = new CarrierTable(settings.tableName());
        if (settings.createTable()) {
            LocalTables.createIfMissing(dynamo, CarrierTable.LAYOUT, table.name());
        }
        return table;
    }
}
