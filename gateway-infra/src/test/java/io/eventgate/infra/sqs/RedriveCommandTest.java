package io.eventgate.infra.sqs;

import io.eventgate.infra.Cli;
import io.eventgate.infra.LocalTopology;
import io.eventgate.infra.SharedLocalCloud;
import io.eventgate.infra.aws.AwsClients;
import io.eventgate.localcloud.LocalCloud;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code redrive --dlq orders-inbox-dlq} against local-cloud's SQS and its message move tasks. */
class RedriveCommandTest {

    @TempDir
    static Path directory;

    private static LocalCloud cloud;
    private static AwsClients aws;

    @BeforeAll
    static void start() {
        cloud = SharedLocalCloud.get();
        aws = new AwsClients(LocalTopology.settings(cloud.endpoint(), Map.of()).aws());
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void movesEveryMessageOfTheInboxDlqBackIntoTheInboxWithItsAttributes() {
        String dlq = aws.sqs().createQueue(b -> b.queueName("orders-inbox-dlq")).queueUrl();
        String dlqArn = aws.sqs().getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        // as the topology makes it: a message move task takes only a queue that is some queue's DLQ
        String inbox = aws.sqs().createQueue(b -> b.queueName("orders-inbox").attributes(Map.of(
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":5}")))
                .queueUrl();
        for (int i = 0; i < 13; i++) {
            String body = "{\"detail-type\":\"OrderShipped\",\"n\":" + i + "}";
            aws.sqs().sendMessage(b -> b.queueUrl(dlq).messageBody(body).messageAttributes(Map.of("RULE_ARN",
                    MessageAttributeValue.builder().dataType("String").stringValue("arn:rule").build())));
        }

        Cli.Run run = new Cli(Map.of()).run("redrive", "--dlq", "orders-inbox-dlq",
                "--endpoint", cloud.endpoint().toString(), "--env-file", directory.resolve(".env").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Moved 13 messages");
        List<Message> moved = new ArrayList<>();
        List<Message> batch;
        do {
            batch = aws.sqs().receiveMessage(b -> b.queueUrl(inbox).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages();
            moved.addAll(batch);
        } while (!batch.isEmpty());
        assertThat(moved).hasSize(13).allSatisfy(m -> assertThat(m.messageAttributes().get("RULE_ARN").stringValue())
                .isEqualTo("arn:rule"));
        assertThat(moved).extracting(Message::body).contains("{\"detail-type\":\"OrderShipped\",\"n\":12}");
        assertThat(aws.sqs().receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages()).isEmpty();
    }

    @Test
    void refusesADlqTheTopologyDoesNotHave() {
        Cli.Run run = new Cli(Map.of()).run("redrive", "--dlq", "nope",
                "--endpoint", cloud.endpoint().toString(), "--env-file", directory.resolve(".env").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown DLQ nope").contains("orders-inbox-dlq", "carrier-delivery-dlq");
    }
}
