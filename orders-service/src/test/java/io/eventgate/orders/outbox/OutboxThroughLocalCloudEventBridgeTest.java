package io.eventgate.orders.outbox;

import io.micrometer.observation.ObservationRegistry;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.eventgate.contracts.EventContract;
import io.eventgate.orders.order.LineItem;
import io.eventgate.orders.order.NewOrder;
import io.eventgate.orders.order.Order;
import io.eventgate.orders.order.ShippingAddress;
import io.eventgate.orders.support.TestCloud;
import io.eventgate.orders.table.OutboxItem;
import io.eventgate.orders.table.TableCreator;
import io.eventgate.orders.table.TableSettings;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay publishing to local-cloud's own EventBridge: the entries it sends are accepted by a real PutEvents
 * implementation and arrive, routed by a rule, as the EventBridge envelope a consumer's queue receives.
 */
class OutboxThroughLocalCloudEventBridgeTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aPublishedRecordReachesARuleTargetAsAnOrderCreatedEnvelope() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String bus = "eventgate-" + suffix;
        String table = "outbox-eb-" + suffix;
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(TestCloud.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(credentials).build()) {
            String queueUrl = routeOrderCreatedToANewQueue(events, bus, "order-created-" + suffix);
            TableCreator.create(TestCloud.dynamo(), table);
            OutboxSettings settings = new OutboxSettings(bus, "eventgate.orders", Duration.ofSeconds(5),
                    Duration.ofSeconds(30), 2, Duration.ofMillis(10), Duration.ofMillis(200), 4, 10_000,
            Duration.ofSeconds(5));
            OrderCreatedOutbox outbox = new OrderCreatedOutbox(JSON, settings);
            Order order = Order.place(UUID.randomUUID().toString(), new NewOrder("cust-eb",
                    List.of(new LineItem("SKU-1", 3, new BigDecimal("4.20"))),
                    new ShippingAddress("Ada", "1 Main St", Optional.of("Flat 2"), "Berlin", "10115", "DE")),
                    Instant.now());
            OutboxItem record = outbox.recordFor(order);
            DynamoDbEnhancedClient.builder().dynamoDbClient(TestCloud.dynamo()).build()
                    .table(table, TableSchema.fromBean(OutboxItem.class)).putItem(record);
            OutboxRelay relay = new OutboxRelay(new OutboxStore(TestCloud.enhanced(), TestCloud.ordersTable(table)),
                    new EventBridgePublisher(events, settings), settings, Clock.systemUTC(), ObservationRegistry.NOOP);

            relay.sweep();

            Message message = await().atMost(Duration.ofSeconds(10)).until(() -> TestCloud.sqs()
                    .receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages(), m -> !m.isEmpty())
                    .getFirst();
            JsonNode envelope = JSON.readTree(message.body());
            assertThat(envelope.get("source").asString()).isEqualTo("eventgate.orders");
            assertThat(envelope.get("detail-type").asString()).isEqualTo("OrderCreated");
            JsonNode detail = envelope.get("detail");
            assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(EventContract.ORDER_CREATED.schema()).validate(detail.toString(), InputFormat.JSON)).isEmpty();
            assertThat(detail.at("/metadata/correlationId").asString()).isEqualTo(record.getEventId());
            assertThat(detail.at("/data/orderId").asString()).isEqualTo(order.id());
            assertThat(detail.at("/data/shippingAddress/line2").asString()).isEqualTo("Flat 2");
        }
    }

    /** What the provisioner sets up for a consumer: bus, rule, queue with a policy letting the rule send. */
    private static String routeOrderCreatedToANewQueue(EventBridgeClient events, String bus, String queue) {
        events.createEventBus(b -> b.name(bus));
        String ruleArn = events.putRule(b -> b.name("order-created").eventBusName(bus)
                .eventPattern("{\"source\":[\"eventgate.orders\"],\"detail-type\":[\"OrderCreated\"]}")).ruleArn();
        String queueUrl = TestCloud.sqs().createQueue(b -> b.queueName(queue)).queueUrl();
        String queueArn = TestCloud.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String policy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},
                 "Action":"sqs:SendMessage","Resource":"%s","Condition":{"ArnEquals":{"aws:SourceArn":"%s"}}}]}"""
                .formatted(queueArn, ruleArn);
        TestCloud.sqs().setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY, policy)));
        events.putTargets(b -> b.rule("order-created").eventBusName(bus).targets(t -> t.id("queue").arn(queueArn)));
        return queueUrl;
    }
}
