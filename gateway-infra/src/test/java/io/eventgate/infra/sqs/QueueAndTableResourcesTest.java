package io.eventgate.infra.sqs;

import io.eventgate.infra.LocalTopology;
import io.eventgate.infra.SharedLocalCloud;
import io.eventgate.infra.aws.AwsClients;
import io.eventgate.infra.aws.CloudErrors;
import io.eventgate.infra.aws.JsonDocs;
import io.eventgate.infra.dynamodb.TableResource;
import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Outcome;
import io.eventgate.infra.provision.Provisioner;
import io.eventgate.infra.provision.Report;
import io.eventgate.infra.provision.Resource;
import io.eventgate.infra.settings.InfraSettings;
import io.eventgate.infra.settings.TableSettings;
import io.eventgate.localcloud.LocalCloud;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;

/** The table and queue resources of the topology against local-cloud's DynamoDB Local and ElasticMQ. */
class QueueAndTableResourcesTest {

    private static LocalCloud cloud;
    private static AwsClients aws;
    private static InfraSettings settings;
    private final Provisioner provisioner = new Provisioner(CloudErrors::describe);

    @BeforeAll
    static void start() {
        cloud = SharedLocalCloud.get();
        settings = LocalTopology.settings(cloud.endpoint(), Map.of());
        aws = new AwsClients(settings.aws());
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void createsQueuesWithRedriveAndPoliciesThenChangesNothing() {
        var arns = aws.arns();
        String ruleArn = arns.rule("eventgate", "carrier-events-to-orders");
        List<Resource> queues = List.of(
                new QueueResource("t1-dlq", facts -> Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600"),
                        aws.sqs()),
                new QueueResource("t1-inbox", facts -> Map.of(
                        QueueAttributeName.VISIBILITY_TIMEOUT, "30",
                        QueueAttributeName.REDRIVE_POLICY, QueuePolicies.redrive(
                                facts.require(QueueResource.arnFact("t1-dlq")), 5),
                        QueueAttributeName.POLICY, QueuePolicies.allowEventBridgeRules(arns.queue("t1-inbox"),
                                List.of(ruleArn))), aws.sqs()));

        Report planned = provisioner.plan(queues);
        Report applied = provisioner.apply(queues);
        Report again = provisioner.apply(queues);

        assertThat(planned.changes()).extracting(o -> o.change().action())
                .containsExactly(Change.Action.CREATE, Change.Action.CREATE);
        assertThat(applied.succeeded()).isTrue();
        assertThat(again.changes()).isEmpty();
        assertThat(again.summary()).startsWith("No changes.");
        String url = aws.sqs().getQueueUrl(b -> b.queueName("t1-inbox")).queueUrl();
        var attributes = aws.sqs().getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertThat(JsonDocs.read(attributes.get(QueueAttributeName.REDRIVE_POLICY)).get("deadLetterTargetArn")
                .asString()).isEqualTo(arns.queue("t1-dlq"));
        assertThat(attributes.get(QueueAttributeName.POLICY)).contains(ruleArn).contains("events.amazonaws.com");
    }

    @Test
    void convergesADriftedAttribute() {
        List<Resource> queue = List.of(new QueueResource("t2-queue",
                facts -> Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"), aws.sqs()));
        provisioner.apply(queue);
        String url = aws.sqs().getQueueUrl(b -> b.queueName("t2-queue")).queueUrl();
        aws.sqs().setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT,
                "90")));

        Report plan = provisioner.plan(queue);
        provisioner.apply(queue);

        assertThat(plan.changes()).singleElement().satisfies(o -> {
            assertThat(o.change().action()).isEqualTo(Change.Action.UPDATE);
            assertThat(o.change().details()).containsExactly("VisibilityTimeout 90 -> 30");
        });
        assertThat(aws.sqs().getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes())
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "30");
        assertThat(provisioner.plan(queue).changes()).isEmpty();
    }

    @Test
    void createsTablesWithIndexesAndAddsAMissingIndex() {
        var key = new TableSettings.KeyAttribute("pk", "S");
        var byStatus = new TableSettings.Index("by-status", new TableSettings.KeyAttribute("status", "S"),
                new TableSettings.KeyAttribute("createdAt", "S"), "ALL", List.of());
        var withoutIndex = new TableSettings("t3-table", key, null, List.of(), "", "", List.of());
        var withIndex = new TableSettings("t3-table", key, null, List.of(byStatus), "NEW_IMAGE", "expiresAt",
                List.of());

        provisioner.apply(List.of(new TableResource(withoutIndex, aws.dynamo())));
        Report plan = provisioner.plan(List.of(new TableResource(withIndex, aws.dynamo())));
        Report applied = provisioner.apply(List.of(new TableResource(withIndex, aws.dynamo())));

        assertThat(plan.changes()).singleElement().satisfies(o -> assertThat(o.change().details())
                .containsExactly("add index by-status", "stream off -> NEW_IMAGE", "time to live off -> expiresAt"));
        assertThat(applied.succeeded()).isTrue();
        var table = aws.dynamo().describeTable(b -> b.tableName("t3-table")).table();
        assertThat(table.globalSecondaryIndexes()).singleElement()
                .satisfies(i -> assertThat(i.indexStatus()).isEqualTo(IndexStatus.ACTIVE));
        assertThat(provisioner.plan(List.of(new TableResource(withIndex, aws.dynamo()))).changes()).isEmpty();
    }

    @Test
    void refusesToChangeAKeySchemaAndSaysWhy() {
        var original = new TableSettings("t4-table", new TableSettings.KeyAttribute("pk", "S"), null, List.of(), "",
                "", List.of());
        var rekeyed = new TableSettings("t4-table", new TableSettings.KeyAttribute("id", "S"), null, List.of(), "",
                "", List.of());
        provisioner.apply(List.of(new TableResource(original, aws.dynamo())));

        Report report = provisioner.apply(List.of(new TableResource(rekeyed, aws.dynamo())));

        assertThat(report.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Outcome.Status.FAILED);
            assertThat(o.error()).hasValueSatisfying(e -> assertThat(e).contains("[pk S HASH]")
                    .contains("[id S HASH]"));
        });
        assertThat(aws.dynamo().describeTable(b -> b.tableName("t4-table")).table().keySchema())
                .singleElement().satisfies(k -> assertThat(k.attributeName()).isEqualTo("pk"));
    }

    @Test
    void destroysWhatItCreated() {
        var table = new TableSettings("t5-table", new TableSettings.KeyAttribute("pk", "S"), null, List.of(), "", "",
                List.of());
        List<Resource> resources = new ArrayList<>(List.of(new TableResource(table, aws.dynamo()),
                new QueueResource("t5-queue", facts -> Map.of(), aws.sqs())));
        provisioner.apply(resources);

        Report destroyed = provisioner.destroy(resources, true);

        assertThat(destroyed.succeeded()).isTrue();
        assertThat(destroyed.count(Change.Action.DELETE)).isEqualTo(2);
        assertThat(aws.dynamo().listTables().tableNames()).doesNotContain("t5-table");
        assertThat(aws.sqs().listQueues().queueUrls()).noneMatch(u -> u.endsWith("/t5-queue"));
        assertThat(provisioner.plan(resources).changes()).hasSize(2);
    }
}
