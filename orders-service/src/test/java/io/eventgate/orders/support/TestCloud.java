package io.eventgate.orders.support;

import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.LocalCloudSettings;
import io.eventgate.orders.table.OrdersTable;
import io.eventgate.orders.table.TableSettings;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One local-cloud (DynamoDB Local + ElasticMQ behind one HTTP edge) for the whole test JVM, with real SDK clients
 * for tests to set things up and look at them. Started on first use, stopped when the JVM exits.
 */
public final class TestCloud {

    public static final String INBOX_QUEUE = "orders-inbox";
    public static final String INBOX_DLQ = "orders-inbox-dlq";
    /** Deliveries before a message moves to the DLQ: small, so poison messages arrive there within seconds. */
    public static final int MAX_RECEIVE_COUNT = 2;

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private static LocalCloud cloud;
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;

    private TestCloud() {
    }

    public static synchronized URI endpoint() {
        if (cloud == null) {
            cloud = LocalCloud.start(LocalCloudSettings.forTests());
            dynamo = DynamoDbClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(CREDENTIALS).build();
            sqs = SqsClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(CREDENTIALS).build();
            createInboxQueues();
            Runtime.getRuntime().addShutdownHook(new Thread(cloud::close, "local-cloud-stop"));
        }
        return cloud.endpoint();
    }

    public static DynamoDbClient dynamo() {
        endpoint();
        return dynamo;
    }

    /** The outbox store's view of table {@code name}, through the enhanced client as in the service. */
    public static OrdersTable ordersTable(String name) {
        return new OrdersTable(enhanced(), new TableSettings(name, false));
    }

    public static DynamoDbEnhancedClient enhanced() {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo()).build();
    }

    public static SqsClient sqs() {
        endpoint();
        return sqs;
    }

    public static String queueUrl(String name) {
        return sqs().getQueueUrl(b -> b.queueName(name)).queueUrl();
    }

    // What the provisioner sets up in AWS, with a short visibility timeout so redeliveries happen within a second.
    private static void createInboxQueues() {
        String dlqUrl = sqs.createQueue(b -> b.queueName(INBOX_DLQ)).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sqs.createQueue(b -> b.queueName(INBOX_QUEUE).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\"}")));
    }
}
