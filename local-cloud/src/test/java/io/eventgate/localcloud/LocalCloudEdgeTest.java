package io.eventgate.localcloud;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class LocalCloudEdgeTest {

    private static LocalCloud cloud;
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;
    private static DynamoDbStreamsClient streams;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(LocalCloudSettings.forTests());
        dynamo = TestClients.of(DynamoDbClient.builder(), cloud.endpoint());
        sqs = TestClients.of(SqsClient.builder(), cloud.endpoint());
        streams = TestClients.of(DynamoDbStreamsClient.builder(), cloud.endpoint());
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        sqs.close();
        streams.close();
        cloud.close();
    }

    @Test
    void servesDynamoDbThroughTheEdge() {
        dynamo.createTable(b -> b.tableName("edge-test").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
        dynamo.putItem(b -> b.tableName("edge-test").item(java.util.Map.of("pk", AttributeValue.fromS("a"))));

        assertThat(dynamo.listTables().tableNames()).contains("edge-test");
        assertThat(dynamo.getItem(b -> b.tableName("edge-test").key(java.util.Map.of("pk", AttributeValue.fromS("a"))))
                .item()).containsKey("pk");
    }

    @Test
    void servesDynamoDbStreamsThroughTheEdge() {
        dynamo.createTable(b -> b.tableName("streamed").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        dynamo.putItem(b -> b.tableName("streamed").item(java.util.Map.of("pk", AttributeValue.fromS("order-1"))));
        String streamArn = dynamo.describeTable(b -> b.tableName("streamed")).table().latestStreamArn();

        var shard = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards().getFirst();
        String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();

        assertThat(streams.getRecords(b -> b.shardIterator(iterator)).records())
                .singleElement().satisfies(record -> {
                    assertThat(record.eventNameAsString()).isEqualTo("INSERT");
                    assertThat(record.dynamodb().newImage().get("pk").s()).isEqualTo("order-1");
                });
    }

    @Test
    void servesSqsWithQueueUrlsAndArnsNamingTheEdge() {
        String url = sqs.createQueue(b -> b.queueName("edge-test")).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);

        assertThat(url).isEqualTo(cloud.endpoint() + "/000000000000/edge-test");
        assertThat(arn).isEqualTo("arn:aws:sqs:us-east-1:000000000000:edge-test");
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello"));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages())
                .extracting(m -> m.body()).containsExactly("hello");
    }

    @Test
    void reportsEveryServiceUp() {
        // Each probe has a 1 s budget; on a loaded machine ElasticMQ's very first answer can miss it, so poll.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(cloud.endpoint() + "/_localcloud/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"dynamodb\":\"UP\"")
                    .contains("\"sqs\":\"UP\"").contains("\"apigateway\":\"UP\"");
        });
    }

    @Test
    void answersAnUnknownJsonOperationWithAwsErrorShape() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(cloud.endpoint())
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .header("X-Amz-Target", "AWSStepFunctions.StartExecution")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"__type\":\"UnknownOperationException\"")
                .contains("AWSStepFunctions.StartExecution");
    }

    @Test
    void answersAnUnknownRestCallWithAwsErrorShapeNotA404Page() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(cloud.endpoint() + "/2015-03-31/functions"))
                        .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261123/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=x")
                        .GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("NotImplemented");
        assertThat(response.body()).contains("lambda").contains("GET /2015-03-31/functions");
    }

    @Test
    void refusesASecondInstanceOnTheSamePortWithAClearMessage() {
        assertThatThrownBy(() -> LocalCloud.start(LocalCloudSettings.forTests().withPort(cloud.port())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already in use");
    }
}
