package io.eventgate.localcloud.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgate.localcloud.edge.EdgeRouter;
import io.eventgate.localcloud.edge.EdgeServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A DynamoDB transaction is answered only once DynamoDB Local has committed it to its database file. DynamoDB Local
 * itself answers as soon as the {@code COMMIT} is queued; here its database thread is held just before that commit (as
 * a loaded machine holds it), and the answer must still come after the commit, not before — an answer before it is a
 * transaction a {@code kill -9} loses although its caller was told it succeeded.
 */
class TransactionCommitTest {

    @TempDir
    Path data;

    private DynamoDbLocalBackend backend;
    private EdgeServer edge;
    private DynamoDbClient dynamo;

    @BeforeEach
    void start() throws Exception {
        backend = DynamoDbLocalBackend.start(Optional.of(data));
        EdgeRouter router = new EdgeRouter();
        router.register(backend.edgeService(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()));
        edge = new EdgeServer("127.0.0.1", 0, router);
        edge.start();
        dynamo = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + edge.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
        dynamo.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
    }

    @AfterEach
    void stop() throws Exception {
        dynamo.close();
        edge.close();
        backend.close();
    }

    @Test
    void answersATransactionOnlyAfterItsCommit() throws Exception {
        List<String> events = HeldCommits.newEvents();
        HeldCommits commits = HeldCommits.install(backend, events);
        commits.holdNextCommit();

        CompletableFuture<Void> answered = CompletableFuture.runAsync(() -> dynamo.transactWriteItems(
                b -> b.transactItems(put("order#1"), put("outbox#1"))))
                .thenRun(() -> events.add("answered"));
        assertThat(commits.awaitHeld(60)).as("the transaction reached its commit").isTrue();
        try {
            // However long the commit is held, the answer must not overtake it; five seconds give it every chance.
            answered.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException stillWaiting) {
            // what a durable answer does while the commit is held
        }
        commits.release();
        answered.get(60, TimeUnit.SECONDS);

        assertThat(events).containsExactly("committed", "answered");
        assertThat(dynamo.getItem(b -> b.tableName("orders").consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("outbox#1")))).hasItem()).isTrue();
    }

    private static TransactWriteItem put(String pk) {
        return TransactWriteItem.builder().put(p -> p.tableName("orders")
                .item(Map.of("pk", AttributeValue.fromS(pk)))
                .conditionExpression("attribute_not_exists(pk)")).build();
    }
}
