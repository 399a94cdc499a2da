package io.eventgate.localcloud.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.LocalCloudSettings;
import io.eventgate.localcloud.TestClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Dead-letter links set after a queue was created ({@code SetQueueAttributes}) count as much as links given at
 * {@code CreateQueue}: {@code ListDeadLetterSourceQueues} lists the source, and a message move task on the
 * dead-letter queue answers at once and really moves the messages back — through the AWS SDK for Java.
 */
class DeadLetterRedriveTest {

    private static LocalCloud cloud;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(LocalCloudSettings.forTests());
        sqs = TestClients.of(SqsClient.builder(), cloud.endpoint());
    }

    @AfterAll
    static void stop() {
        sqs.close();
        cloud.close();
    }

    private record Pair(String sourceUrl, String dlqUrl, String sourceArn, String dlqArn) {
    }

    /** A source queue and a DLQ, linked with SetQueueAttributes after both exist (maxReceiveCount 1). */
    private static Pair linkedLater(String name) {
        String source = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        String dlq = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String dlqArn = arn(dlq);
        sqs.setQueueAttributes(b -> b.queueUrl(source).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"1\"}")));
        return new Pair(source, dlq, arn(source), dlqArn);
    }

    private static String arn(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Sends messages and receives each until SQS moves it to the DLQ (received more than maxReceiveCount times). */
    private static void poison(Pair pair, List<String> bodies) {
        bodies.forEach(body -> sqs.sendMessage(b -> b.queueUrl(pair.sourceUrl()).messageBody(body)));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            sqs.receiveMessage(b -> b.queueUrl(pair.sourceUrl()).maxNumberOfMessages(10).visibilityTimeout(0));
            return count(pair.dlqUrl()) == bodies.size();
        });
    }

    private static int count(String url) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    @Test
    void listsASourceQueueLinkedAfterCreation() {
        Pair pair = linkedLater(unique("orders"));

        assertThat(sqs.listDeadLetterSourceQueues(b -> b.queueUrl(pair.dlqUrl())).queueUrls())
                .containsExactly(pair.sourceUrl());
        assertThat(sqs.listDeadLetterSourceQueues(b -> b.queueUrl(pair.sourceUrl())).queueUrls()).isEmpty();
    }

    @Test
    void movesDeadLettersBackToTheirSourceQueue() {
        Pair pair = linkedLater(unique("inbox"));
        poison(pair, List.of("m-1", "m-2", "m-3"));

        String handle = sqs.startMessageMoveTask(b -> b.sourceArn(pair.dlqArn())).taskHandle();

        assertThat(handle).isNotBlank();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ListMessageMoveTasksResultEntry task = sqs.listMessageMoveTasks(b -> b.sourceArn(pair.dlqArn()))
                    .results().getFirst();
            assertThat(task.status()).isEqualTo("COMPLETED");
            assertThat(task.approximateNumberOfMessagesMoved()).isEqualTo(3);
        });
        assertThat(count(pair.dlqUrl())).isZero();
        List<Message> back = sqs.receiveMessage(b -> b.queueUrl(pair.sourceUrl()).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages();
        assertThat(back).extracting(Message::body).containsExactlyInAnyOrder("m-1", "m-2", "m-3");
    }

    @Test
    void movesDeadLettersToAChosenDestinationAtAGivenRate() {
        Pair pair = linkedLater(unique("billing"));
        String elsewhere = sqs.createQueue(b -> b.queueName(unique("parking"))).queueUrl();
        poison(pair, List.of("a", "b"));

        sqs.startMessageMoveTask(b -> b.sourceArn(pair.dlqArn()).destinationArn(arn(elsewhere))
                .maxNumberOfMessagesPerSecond(50));

        await().atMost(Duration.ofSeconds(30)).until(() -> count(elsewhere) == 2);
        assertThat(count(pair.dlqUrl())).isZero();
        assertThat(sqs.listMessageMoveTasks(b -> b.sourceArn(pair.dlqArn()).maxResults(10)).results())
                .singleElement().satisfies(task -> {
                    assertThat(task.destinationArn()).isEqualTo(arn(elsewhere));
                    assertThat(task.maxNumberOfMessagesPerSecond()).isEqualTo(50);
                });
    }

    @Test
    void answersAtOnceWithAnAwsErrorForAQueueThatIsNoDeadLetterQueue() {
        String plain = sqs.createQueue(b -> b.queueName(unique("plain"))).queueUrl();

        assertThatThrownBy(() -> sqs.startMessageMoveTask(b -> b.sourceArn(arn(plain))))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("Source queue must be configured as a Dead Letter Queue")
                .satisfies(e -> assertThat(((SqsException) e).statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> sqs.startMessageMoveTask(b -> b.sourceArn(
                "arn:aws:sqs:us-east-1:000000000000:" + unique("missing"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void cancelsOnlyKnownRunningTasks() {
        Pair pair = linkedLater(unique("slow"));
        poison(pair, List.of("1", "2", "3", "4", "5", "6"));
        String handle = sqs.startMessageMoveTask(b -> b.sourceArn(pair.dlqArn()).maxNumberOfMessagesPerSecond(1))
                .taskHandle();

        assertThatThrownBy(() -> sqs.startMessageMoveTask(b -> b.sourceArn(pair.dlqArn())))
                .isInstanceOf(SqsException.class).hasMessageContaining("already a task running");
        long moved = sqs.cancelMessageMoveTask(b -> b.taskHandle(handle)).approximateNumberOfMessagesMoved();

        assertThat(moved).isLessThan(6);
        await().atMost(Duration.ofSeconds(10)).until(() -> sqs.listMessageMoveTasks(b -> b.sourceArn(pair.dlqArn()))
                .results().getFirst().status().equals("CANCELLED"));
        assertThatThrownBy(() -> sqs.cancelMessageMoveTask(b -> b.taskHandle("bm8tc3VjaHx0YXNr")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sqs.cancelMessageMoveTask(b -> b.taskHandle("%%%")))
                .isInstanceOf(SqsException.class).hasMessageContaining("TaskHandle");
    }
}
