package io.eventgate.orders.outbox;

import io.eventgate.orders.support.EventBridgeStub;
import io.eventgate.orders.support.TestCloud;
import io.eventgate.orders.table.OutboxItem;
import io.eventgate.orders.table.TableCreator;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import tools.jackson.databind.json.JsonMapper;

/** Base of the outbox tests: each test gets a fresh orders table on local-cloud and a scripted EventBridge. */
abstract class OutboxTestSupport {

    EventBridgeStub stub;
    EventBridgeClient eventBridge;
    DynamoDbTable<OutboxItem> table;
    OutboxStore store;
    OrderCreatedOutbox outbox;

    /** The settings the records are written with. */
    abstract OutboxSettings settings();

    @BeforeEach
    void startOutbox() {
        stub = new EventBridgeStub();
        eventBridge = EventBridgeClient.builder().endpointOverride(stub.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
        String tableName = "outbox-" + UUID.randomUUID();
        TableCreator.create(TestCloud.dynamo(), tableName);
        table = TestCloud.enhanced().table(tableName, TableSchema.fromBean(OutboxItem.class));
        store = new OutboxStore(TestCloud.enhanced(), TestCloud.ordersTable(tableName));
        outbox = new OrderCreatedOutbox(JsonMapper.builder().build(), settings());
    }

    @AfterEach
    void stopOutbox() {
        eventBridge.close();
        stub.close();
    }
}
