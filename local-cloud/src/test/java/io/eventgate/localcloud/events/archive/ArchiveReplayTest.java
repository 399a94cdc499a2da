package io.eventgate.localcloud.events.archive;

import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.LocalCloudSettings;
import io.eventgate.localcloud.TestClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ArchiveState;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.IllegalStatusException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ArchiveReplayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static LocalCloud cloud;
    private static EventBridgeClient events;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(LocalCloudSettings.forTests());
        events = TestClients.of(EventBridgeClient.builder(), cloud.endpoint());
        sqs = TestClients.of(SqsClient.builder(), cloud.endpoint());
    }

    @AfterAll
    static void stop() {
        sqs.close();
        events.close();
        cloud.close();
    }

    @Test
    void replaysExactlyTheEventsOfTheWindowToTheChosenRulesWithReplayName() {
        String busArn = events.createEventBus(b -> b.name("orders")).eventBusArn();
        String archiveArn = events.createArchive(b -> b.archiveName("orders-archive").eventSourceArn(busArn)
                .eventPattern("{\"source\":[\"shop\"]}").retentionDays(7)).archiveArn();
        String chosenQueue = queueForRule("orders", "chosen");
        String otherQueue = queueForRule("orders", "other");
        String chosenRuleArn = events.describeRule(b -> b.name("chosen").eventBusName("orders")).arn();

        put("before");
        await().atMost(Duration.ofSeconds(5)).until(() -> archivedCount("orders-archive") == 1);
        Instant windowStart = pauseAndMark();
        put("inside-1");
        put("inside-2");
        await().atMost(Duration.ofSeconds(5)).until(() -> archivedCount("orders-archive") == 3);
        Instant windowEnd = pauseAndMark();
        put("after");
        putOtherSource();
        await().atMost(Duration.ofSeconds(5)).until(() -> archivedCount("orders-archive") == 4);
        List<JsonNode> originals = drain(chosenQueue, 4);
        drain(otherQueue, 4);

        String replayArn = events.startReplay(b -> b.replayName("window").eventSourceArn(archiveArn)
                .eventStartTime(windowStart).eventEndTime(windowEnd)
                .destination(d -> d.arn(busArn).filterArns(chosenRuleArn))).replayArn();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> events.describeReplay(b -> b.replayName("window")).state() == ReplayState.COMPLETED);
        List<JsonNode> replayed = drain(chosenQueue, 2);
        assertThat(replayArn).isEqualTo("arn:aws:events:us-east-1:000000000000:replay/window");
        assertThat(replayed).extracting(e -> e.at("/detail/name").asString())
                .containsExactlyInAnyOrder("inside-1", "inside-2");
        assertThat(replayed).allSatisfy(e -> assertThat(e.get("replay-name").asString()).isEqualTo("window"));
        assertThat(replayed).extracting(e -> e.get("id").asString()).isSubsetOf(
                originals.stream().map(e -> e.get("id").asString()).toList());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> receive(chosenQueue).isEmpty() && receive(otherQueue).isEmpty());
        assertThat(archivedCount("orders-archive")).as("replayed events are not archived again").isEqualTo(4);
        assertThat(events.listReplays(b -> b.eventSourceArn(archiveArn)).replays())
                .extracting(r -> r.replayName()).containsExactly("window");
        assertThatThrownBy(() -> events.cancelReplay(b -> b.replayName("window")))
                .isInstanceOf(IllegalStatusException.class);
    }

    @Test
    void managesArchives() {
        String busArn = events.createEventBus(b -> b.name("archived")).eventBusArn();

        String arn = events.createArchive(b -> b.archiveName("everything").eventSourceArn(busArn)
                .description("all events")).archiveArn();
        events.updateArchive(b -> b.archiveName("everything").retentionDays(30));
        var described = events.describeArchive(b -> b.archiveName("everything"));

        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:archive/everything");
        assertThat(described.state()).isEqualTo(ArchiveState.ENABLED);
        assertThat(described.retentionDays()).isEqualTo(30);
        assertThat(described.eventSourceArn()).isEqualTo(busArn);
        assertThat(events.listArchives(b -> b.eventSourceArn(busArn)).archives())
                .extracting(a -> a.archiveName()).containsExactly("everything");
        assertThatThrownBy(() -> events.createArchive(b -> b.archiveName("bad-pattern").eventSourceArn(busArn)
                .eventPattern("{\"source\": \"not-a-list\"}")))
                .isInstanceOf(InvalidEventPatternException.class);
        assertThatThrownBy(() -> events.createArchive(b -> b.archiveName("no-bus")
                .eventSourceArn("arn:aws:events:us-east-1:000000000000:event-bus/none")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> events.startReplay(b -> b.replayName("backwards").eventSourceArn(arn)
                .eventStartTime(Instant.now()).eventEndTime(Instant.now().minusSeconds(60))
                .destination(d -> d.arn(busArn))))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));

        events.deleteArchive(b -> b.archiveName("everything"));
        assertThatThrownBy(() -> events.describeArchive(b -> b.archiveName("everything")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private static String queueForRule(String bus, String rule) {
        String url = sqs.createQueue(b -> b.queueName(bus + "-" + rule)).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String ruleArn = events.putRule(b -> b.name(rule).eventBusName(bus).eventPattern("{\"source\":[\"shop\"]}"))
                .ruleArn();
        sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                        + "\"events.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn
                        + "\",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + ruleArn + "\"}}}]}")));
        events.putTargets(b -> b.rule(rule).eventBusName(bus).targets(t -> t.id("queue").arn(queueArn)));
        return url;
    }

    private static void put(String name) {
        assertThat(events.putEvents(b -> b.entries(e -> e.eventBusName("orders").source("shop").detailType("Order")
                .detail("{\"name\":\"" + name + "\"}"))).failedEntryCount()).isZero();
    }

    private static void putOtherSource() {
        assertThat(events.putEvents(b -> b.entries(e -> e.eventBusName("orders").source("elsewhere")
                .detailType("Order").detail("{}"))).failedEntryCount()).isZero();
    }

    private static long archivedCount(String archive) {
        return events.describeArchive(b -> b.archiveName(archive)).eventCount();
    }

    /** A window boundary clearly apart from the events on either side (timestamps travel in milliseconds). */
    private static Instant pauseAndMark() {
        Instant before = Instant.now();
        await().pollDelay(Duration.ofMillis(20)).until(() -> true);
        Instant mark = Instant.now();
        await().pollDelay(Duration.ofMillis(20)).until(() -> true);
        assertThat(mark).isAfter(before);
        return mark;
    }

    private static List<JsonNode> drain(String queueUrl, int expected) {
        List<JsonNode> bodies = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            receive(queueUrl).forEach(m -> bodies.add(JSON.readTree(m.body())));
            return bodies.size() >= expected;
        });
        assertThat(bodies).hasSize(expected);
        return bodies;
    }

    private static List<Message> receive(String queueUrl) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(0)).messages();
        messages.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        return messages;
    }
}
