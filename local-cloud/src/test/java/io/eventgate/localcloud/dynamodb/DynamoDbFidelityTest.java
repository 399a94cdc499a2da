package io.eventgate.localcloud.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.LocalCloudSettings;
import io.eventgate.localcloud.TestClients;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * DynamoDB as infrastructure-as-code tools and applications use it, through the AWS SDK for Java: tags (also those
 * given to CreateTable), continuous-backup settings, item collection metrics on tables with local secondary indexes,
 * and AWS's request validation before any table is looked at.
 */
class DynamoDbFidelityTest {

    private static LocalCloud cloud;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(LocalCloudSettings.forTests());
        dynamo = TestClients.of(DynamoDbClient.builder(), cloud.endpoint());
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        cloud.close();
    }

    private static String table(boolean localIndex, List<Tag> tags) {
        String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
        dynamo.createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(
                    a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                    a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                            k -> k.attributeName("sk").keyType(KeyType.RANGE));
            if (localIndex) {
                b.attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("at").attributeType(ScalarAttributeType.S));
                b.localSecondaryIndexes(i -> i.indexName("by-at").keySchema(
                                k -> k.attributeName("pk").keyType(KeyType.HASH),
                                k -> k.attributeName("at").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)));
            }
            if (!tags.isEmpty()) {
                b.tags(tags);
            }
        });
        return name;
    }

    private static String arn(String table) {
        return dynamo.describeTable(b -> b.tableName(table)).table().tableArn();
    }

    private static Map<String, AttributeValue> item(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk), "at", AttributeValue.fromS("x"));
    }

    @Test
    void keepsTagsGivenToCreateTableAndTagsAddedLater() {
        String table = table(false, List.of(Tag.builder().key("team").value("orders").build()));
        String arn = arn(table);

        dynamo.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("env").value("local").build(),
                Tag.builder().key("team").value("shipping").build()));
        dynamo.untagResource(b -> b.resourceArn(arn).tagKeys("env"));

        assertThat(dynamo.listTagsOfResource(b -> b.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("team").value("shipping").build());
    }

    @Test
    void refusesTagsForATableThatDoesNotExistAndReservedKeys() {
        String arn = arn(table(false, List.of()));

        assertThatThrownBy(() -> dynamo.listTagsOfResource(b -> b.resourceArn(arn.replace(":table/t-", ":table/x-"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> dynamo.tagResource(b -> b.resourceArn(arn)
                .tags(Tag.builder().key("aws:owner").value("me").build())))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("aws:");
    }

    @Test
    void reportsAndChangesPointInTimeRecovery() {
        String table = table(false, List.of());

        var initially = dynamo.describeContinuousBackups(b -> b.tableName(table)).continuousBackupsDescription();
        var enabled = dynamo.updateContinuousBackups(b -> b.tableName(table).pointInTimeRecoverySpecification(
                s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(7))).continuousBackupsDescription();
        var described = dynamo.describeContinuousBackups(b -> b.tableName(table)).continuousBackupsDescription();

        assertThat(initially.continuousBackupsStatus()).isEqualTo(ContinuousBackupsStatus.ENABLED);
        assertThat(initially.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
                .isEqualTo(PointInTimeRecoveryStatus.DISABLED);
        assertThat(enabled.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
                .isEqualTo(PointInTimeRecoveryStatus.ENABLED);
        assertThat(described.pointInTimeRecoveryDescription().recoveryPeriodInDays()).isEqualTo(7);
        assertThat(described.pointInTimeRecoveryDescription().earliestRestorableDateTime()).isNotNull();
        assertThatThrownBy(() -> dynamo.describeContinuousBackups(b -> b.tableName("no-such-table")))
                .isInstanceOf(TableNotFoundException.class);
    }

    @Test
    void returnsItemCollectionMetricsForTablesWithLocalIndexesWhenAsked() {
        String table = table(true, List.of());

        ItemCollectionMetrics put = dynamo.putItem(b -> b.tableName(table).item(item("a", "1"))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics();
        ItemCollectionMetrics update = dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromS("1")))
                .updateExpression("SET n = :n").expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics();
        var batch = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
                WriteRequest.builder().putRequest(PutRequest.builder().item(item("b", "1")).build()).build())))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics();
        var transaction = dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                .put(p -> p.tableName(table).item(item("c", "1"))).build())
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics();
        ItemCollectionMetrics notAsked = dynamo.putItem(b -> b.tableName(table).item(item("a", "2")))
                .itemCollectionMetrics();

        assertThat(put.itemCollectionKey()).containsEntry("pk", AttributeValue.fromS("a"));
        assertThat(put.sizeEstimateRangeGB()).containsExactly(0.0, 1.0);
        assertThat(update.itemCollectionKey()).containsEntry("pk", AttributeValue.fromS("a"));
        assertThat(batch.get(table)).singleElement()
                .satisfies(m -> assertThat(m.itemCollectionKey()).containsEntry("pk", AttributeValue.fromS("b")));
        assertThat(transaction.get(table)).singleElement()
                .satisfies(m -> assertThat(m.itemCollectionKey()).containsEntry("pk", AttributeValue.fromS("c")));
        assertThat(notAsked).isNull();
    }

    @Test
    void returnsNoItemCollectionMetricsForTablesWithoutLocalIndexes() {
        String table = table(false, List.of());

        assertThat(dynamo.putItem(b -> b.tableName(table).item(item("a", "1"))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics()).isNull();
    }

    @Test
    void validatesRequestsBeforeLookingForTheTable() {
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName("no-such-table").item(item("a", "1"))
                .returnValues("EVERYTHING")))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"))
                .hasMessageContaining("returnValues");
        assertThatThrownBy(() -> dynamo.query(b -> b.tableName("no-such-table").limit(0)
                .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromS("a")))))
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"))
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> dynamo.getItem(b -> b.tableName("ab")))
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"))
                .hasMessageContaining("2 validation errors detected").hasMessageContaining("tableName")
                .hasMessageContaining("key");
        assertThatThrownBy(() -> dynamo.getItem(b -> b.tableName("no-such-table")
                .key(Map.of("pk", AttributeValue.fromS("a")))))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
