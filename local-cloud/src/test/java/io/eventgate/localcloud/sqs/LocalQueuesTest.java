package io.eventgate.localcloud.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgate.localcloud.sqs.LocalQueues.Outcome;
import io.eventgate.localcloud.sqs.LocalQueues.Outgoing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The in-process path into ElasticMQ (how EventBridge delivers to SQS targets) against a real ElasticMQ: what it
 * sends is what an SDK client then receives, and it refuses what ElasticMQ's {@code SendMessage} refuses.
 */
class LocalQueuesTest {

    private static ElasticMqBackend backend;
    private static LocalQueues queues;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        backend = ElasticMqBackend.start("localhost", 1, "us-east-1", "000000000000");
        queues = backend.queues();
        // Straight to ElasticMQ: queue URLs name the (absent) edge, so calls name queues by URL path only.
        sqs = SqsClient.builder().endpointOverride(backend.uri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        backend.close();
    }

    private static String queue(String name, Map<QueueAttributeName, String> attributes) {
        sqs.createQueue(b -> b.queueName(name).attributes(attributes));
        return backend.uri() + "/000000000000/" + name;
    }

    private static List<Message> receiveAll(String url, int count) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 20 && messages.size() < count; i++) {
            messages.addAll(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                    .messages());
        }
        return messages;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void sendsABatchThatClientsReceiveWithItsStringAttributes() throws Exception {
        String name = unique("targets");
        String url = queue(name, Map.of());

        var outcomes = queues.send(name, List.of(new Outgoing("{\"n\":1}", null, null),
                new Outgoing("{\"n\":2}", null, null, Map.of("ERROR_CODE", "NO_PERMISSIONS"))));

        assertThat(outcomes).hasValueSatisfying(list -> assertThat(list).allMatch(Outcome.Sent.class::isInstance));
        List<Message> received = receiveAll(url, 2);
        assertThat(received).extracting(Message::body).containsExactlyInAnyOrder("{\"n\":1}", "{\"n\":2}");
        assertThat(received).filteredOn(m -> m.body().contains("2")).singleElement()
                .satisfies(m -> assertThat(m.messageAttributes().get("ERROR_CODE").stringValue())
                        .isEqualTo("NO_PERMISSIONS"));
    }

    @Test
    void answersEmptyForAQueueThatDoesNotExist() throws Exception {
        assertThat(queues.exists(unique("never-created"))).isFalse();
        assertThat(queues.send(unique("never-created"), List.of(new Outgoing("{}", null, null)))).isEmpty();
    }

    @Test
    void refusesABodySqsDoesNotAllowAndSendsTheRestOfTheBatch() throws Exception {
        String name = unique("bodies");
        String url = queue(name, Map.of());

        var outcomes = queues.send(name, List.of(new Outgoing("bad \u0001 control character", null, null),
                new Outgoing("", null, null), new Outgoing("fine", null, null)));

        assertThat(outcomes).hasValueSatisfying(list -> {
            assertThat(list.get(0)).isInstanceOfSatisfying(Outcome.Refused.class,
                    r -> assertThat(r.message()).contains("InvalidMessageContents"));
            assertThat(list.get(1)).isInstanceOf(Outcome.Refused.class);
            assertThat(list.get(2)).isInstanceOf(Outcome.Sent.class);
        });
        assertThat(receiveAll(url, 1)).extracting(Message::body).containsExactly("fine");
    }

    @Test
    void keepsFifoGroupsAndDropsADuplicateDeduplicationId() throws Exception {
        String name = unique("orders") + ".fifo";
        String url = queue(name, Map.of(QueueAttributeName.FIFO_QUEUE, "true"));

        var first = queues.send(name, List.of(new Outgoing("a", "order-42", "event-1"),
                new Outgoing("again", "order-42", "event-1"), new Outgoing("b", "order-42", "event-2")));
        var refused = queues.send(name, List.of(new Outgoing("no group", null, "event-3"),
                new Outgoing("bad group", "white space", "event-4")));

        assertThat(first).hasValueSatisfying(list -> assertThat(list).allMatch(Outcome.Sent.class::isInstance));
        assertThat(refused).hasValueSatisfying(list -> assertThat(list).allMatch(Outcome.Refused.class::isInstance));
        List<Message> received = receiveAll(url, 2);
        assertThat(received).extracting(Message::body).containsExactly("a", "b");
        assertThat(received).allSatisfy(m -> assertThat(m.attributes())
                .containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "order-42"));
    }

    @Test
    void acceptsAGroupIdOnAStandardQueueButNoDeduplicationId() throws Exception {
        String name = unique("fair");
        String url = queue(name, Map.of());

        var outcomes = queues.send(name, List.of(new Outgoing("grouped", "tenant-1", null),
                new Outgoing("deduplicated", null, "event-1")));

        assertThat(outcomes).hasValueSatisfying(list -> {
            assertThat(list.get(0)).isInstanceOf(Outcome.Sent.class);
            assertThat(list.get(1)).isInstanceOfSatisfying(Outcome.Refused.class,
                    r -> assertThat(r.message()).contains("only for FIFO queues"));
        });
        assertThat(receiveAll(url, 1)).extracting(Message::body).containsExactly("grouped");
    }
}
