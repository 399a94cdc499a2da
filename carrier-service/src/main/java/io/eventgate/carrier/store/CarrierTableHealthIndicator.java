package io.eventgate.carrier.store;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Ready only when the carrier's table answers and is active: without it no shipment can be accepted, so the load
 * balancer (and the API destination's retries) should wait rather than collect 500s.
 */
@Component
class CarrierTableHealthIndicator implements HealthIndicator {

    private final DynamoDbClient dynamo;
    private final CarrierTable table;

    CarrierTableHealthIndicator(DynamoDbClient dynamo, CarrierTable table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Health health() {
        try {
            TableStatus status = dynamo.describeTable(b -> b.tableName(table.name())).table().tableStatus();
            Health.Builder health = status == TableStatus.ACTIVE ? Health.up() : Health.outOfService();
            return health.withDetail("table", table.name()).withDetail("status", status.toString()).build();
        } catch (SdkException e) {
            return Health.down().withDetail("table", table.name()).withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
