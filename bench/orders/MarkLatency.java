import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Why the relay marks a batch published with one {@code TransactWriteItems} and not a {@code BatchWriteItem}: the
 * latency of marking ten records each way while {@code threads} callers write order transactions as fast as they
 * can through the same edge. DynamoDB Local runs each item of a batch write as its own job behind everyone else's,
 * a transaction as one.
 *
 * <pre>java -cp ... MarkLatency.java EDGE_URL [seconds per probe=8] [threads=32]</pre>
 */
public class MarkLatency {

    static final String TABLE = "mark-latency";

    public static void main(String[] args) throws Exception {
        DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create(args[0])).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(100)).build();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        dynamo.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
        // Records to mark, written before any load: the probes time only the marking.
        java.util.concurrent.ConcurrentLinkedQueue<String> pending = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int batch = 0; batch < 400; batch++) {
            List<WriteRequest> writes = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                String key = "outbox#" + UUID.randomUUID();
                writes.add(WriteRequest.builder().putRequest(p -> p.item(record(key))).build());
                pending.add(key);
            }
            dynamo.batchWriteItem(b -> b.requestItems(Map.of(TABLE, writes)));
        }
        for (String probe : List.of("warm-up", "BatchWriteItem of 10", "TransactWriteItems of 10 updates",
                "BatchWriteItem of 10", "TransactWriteItems of 10 updates")) {
            AtomicBoolean stop = new AtomicBoolean();
            LongAdder transactions = new LongAdder();
            List<Long> millis = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    while (!stop.get()) {
                        String id = UUID.randomUUID().toString();
                        dynamo.transactWriteItems(b -> b.transactItems(put(record("order#" + id)),
                                put(record("outbox#" + id))));
                        transactions.increment();
                    }
                });
            }
            if (!probe.equals("warm-up")) {
                pool.submit(() -> {
                    while (!stop.get()) {
                        List<String> keys = new ArrayList<>();
                        for (int i = 0; i < 10; i++) {
                            keys.add(pending.poll());
                        }
                        long start = System.nanoTime();
                        if (probe.startsWith("BatchWriteItem")) {
                            dynamo.batchWriteItem(b -> b.requestItems(Map.of(TABLE, keys.stream()
                                    .map(key -> WriteRequest.builder().putRequest(p -> p.item(published(key))).build())
                                    .toList())));
                        } else {
                            dynamo.transactWriteItems(b -> b.transactItems(keys.stream().map(key -> TransactWriteItem
                                    .builder().update(u -> u.tableName(TABLE).key(Map.of("pk", s(key)))
                                            .updateExpression("SET publishedAt = :now REMOVE outboxState, leaseOwner")
                                            .conditionExpression("leaseOwner = :owner")
                                            .expressionAttributeValues(Map.of(":now", s("now"), ":owner", s("relay"))))
                                    .build()).toList()));
                        }
                        millis.add((System.nanoTime() - start) / 1_000_000);
                    }
                });
            }
            Thread.sleep(seconds * 1000L); // the probe's duration
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            Collections.sort(millis);
            System.out.printf("%-34s order transactions %4.0f/s | mark of 10: n=%d p50=%s ms max=%s ms%n", probe,
                    transactions.sum() / (double) seconds, millis.size(),
                    millis.isEmpty() ? "-" : millis.get(millis.size() / 2), millis.isEmpty() ? "-" : millis.getLast());
        }
    }

    static TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    static Map<String, AttributeValue> record(String key) {
        return Map.of("pk", s(key), "outboxState", s("PENDING"), "leaseOwner", s("relay"),
                "detail", s("x".repeat(500)));
    }

    static Map<String, AttributeValue> published(String key) {
        return Map.of("pk", s(key), "publishedAt", s("now"), "detail", s("x".repeat(500)));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
