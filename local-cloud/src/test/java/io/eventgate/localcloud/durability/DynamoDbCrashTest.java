package io.eventgate.localcloud.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * local-cloud killed with SIGKILL while callers write: every {@code TransactWriteItems} DynamoDB acknowledged is
 * still there after a restart on the same data directory — both of its items (an order and its outbox record, as
 * orders-service writes them).
 */
class DynamoDbCrashTest {

    @TempDir
    Path data;

    @TempDir
    Path logs;

    private LocalCloudProcess cloud;

    @AfterEach
    void stop() throws Exception {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void keepsEveryAcknowledgedTransactionAfterAKillMinus9() throws Exception {
        cloud = new LocalCloudProcess(data, logs.resolve("local-cloud.log")).start();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (DynamoDbClient dynamo = client(cloud.endpoint())) {
            dynamo.createTable(b -> b.tableName("crash").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                writers.add(Thread.ofPlatform().start(() -> write(dynamo, thread, acknowledged)));
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= 300);
            cloud.kill(); // mid-stream: the writers are still writing
            for (Thread writer : writers) {
                writer.join(60_000);
            }
        }
        assertThat(cloud.exitValue()).isEqualTo(137);

        cloud.start();
        List<String> lost = new ArrayList<>();
        try (DynamoDbClient dynamo = client(cloud.endpoint())) {
            for (String key : acknowledged) {
                for (String pk : List.of("order#" + key, "outbox#" + key)) {
                    if (!dynamo.getItem(b -> b.tableName("crash").consistentRead(true)
                            .key(Map.of("pk", AttributeValue.fromS(pk)))).hasItem()) {
                        lost.add(pk);
                    }
                }
            }
        }
        assertThat(lost).as("acknowledged writes missing after the restart (of %d)", acknowledged.size()).isEmpty();
    }

    /** Writes order + outbox pairs until local-cloud goes away; remembers the keys of the acknowledged ones. */
    private static void write(DynamoDbClient dynamo, int thread, Set<String> acknowledged) {
        for (int n = 0; ; n++) {
            String key = thread + "-" + n;
            try {
                dynamo.transactWriteItems(b -> b.transactItems(put("order#" + key), put("outbox#" + key)));
                acknowledged.add(key);
            } catch (RuntimeException e) {
                return; // local-cloud was killed; whatever was not answered was not acknowledged
            }
        }
    }

    private static TransactWriteItem put(String pk) {
        return TransactWriteItem.builder().put(p -> p.tableName("crash")
                .item(Map.of("pk", AttributeValue.fromS(pk), "body", AttributeValue.fromS("x".repeat(500))))
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    /** A client that does not retry: a call to a killed local-cloud fails at once. */
    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build();
    }
}
