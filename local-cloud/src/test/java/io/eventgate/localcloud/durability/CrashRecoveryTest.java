package io.eventgate.localcloud.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.eventgate.localcloud.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * local-cloud killed with SIGKILL while events flow loses nothing it acknowledged: every event PutEvents answered
 * with an id reaches its SQS target and its API destination after a restart on the same data directory — including
 * the deliveries that were still being retried against a partner that was down.
 */
class CrashRecoveryTest {

    private static final String SECRET = "s3cr3t-partner-key-0123456789";

    @TempDir
    Path data;

    @TempDir
    Path logs;

    private LocalCloudProcess cloud;
    private HttpServer partner;

    @AfterEach
    void stop() throws Exception {
        if (cloud != null) {
            cloud.close();
        }
        if (partner != null) {
            partner.stop(0);
        }
    }

    @Test
    void deliversEveryAcknowledgedEventAfterAKillMinus9() throws Exception {
        AtomicBoolean partnerUp = new AtomicBoolean(false);
        Set<String> atPartner = ConcurrentHashMap.newKeySet();
        Set<String> keysSeen = ConcurrentHashMap.newKeySet();
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/events", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            keysSeen.add(String.valueOf(exchange.getRequestHeaders().getFirst("x-api-key")));
            int status = partnerUp.get() ? 200 : 503;
            if (status == 200) {
                atPartner.add(Json.parse(body).path("id").asString());
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        partner.start();

        cloud = new LocalCloudProcess(data, logs.resolve("local-cloud.log")).start();
        String queueUrl;
        try (Clients clients = new Clients(cloud.endpoint())) {
            queueUrl = topology(clients, "http://127.0.0.1:" + partner.getAddress().getPort() + "/events");
        }

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<Thread> producers = new ArrayList<>();
        try (Clients clients = new Clients(cloud.endpoint())) {
            for (int t = 0; t < 4; t++) {
                int thread = t;
                producers.add(Thread.ofPlatform().start(() -> produce(clients.events, thread, acknowledged)));
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= 400);
            cloud.kill(); // mid-stream: the producers are still putting
            for (Thread producer : producers) {
                producer.join(60_000);
            }
        }
        assertThat(cloud.exitValue()).isEqualTo(137);

        cloud.start();
        partnerUp.set(true);
        Set<String> inQueue = ConcurrentHashMap.newKeySet();
        try (Clients clients = new Clients(cloud.endpoint())) {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100)).until(() -> {
                List<Message> messages = clients.sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(1)).messages();
                for (Message message : messages) {
                    inQueue.add(Json.parse(message.body()).path("id").asString());
                    clients.sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                }
                return inQueue.containsAll(acknowledged) && atPartner.containsAll(acknowledged);
            });
        }
        assertThat(inQueue).containsAll(acknowledged);
        assertThat(atPartner).containsAll(acknowledged);
        assertThat(keysSeen).containsOnly(SECRET);
    }

    /** Puts events of 10 until local-cloud goes away; remembers the ids of the entries it accepted. */
    private static void produce(EventBridgeClient events, int thread, Set<String> acknowledged) {
        for (int batch = 0; ; batch++) {
            List<PutEventsRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                entries.add(PutEventsRequestEntry.builder().source("crash.test").detailType("Tick")
                        .detail("{\"thread\":" + thread + ",\"n\":" + (batch * 10 + i) + "}").build());
            }
            try {
                for (PutEventsResultEntry entry : events.putEvents(b -> b.entries(entries)).entries()) {
                    if (entry.eventId() != null) {
                        acknowledged.add(entry.eventId());
                    }
                }
            } catch (RuntimeException e) {
                return; // local-cloud was killed; whatever was not answered was not acknowledged
            }
        }
    }

    /** A rule → SQS queue (with the policy AWS requires) and a rule → API destination with an API_KEY connection. */
    private static String topology(Clients clients, String partnerUrl) {
        String queueUrl = clients.sqs.createQueue(b -> b.queueName("crash-target")).queueUrl();
        String queueArn = clients.sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String toQueue = clients.events.putRule(b -> b.name("to-queue").eventPattern("{\"source\":[\"crash.test\"]}"))
                .ruleArn();
        clients.sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY,
                ("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"events.amazonaws.com\"},"
                        + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"%s\",\"Condition\":{\"ArnEquals\":"
                        + "{\"aws:SourceArn\":\"%s\"}}}]}").formatted(queueArn, toQueue))));
        clients.events.putTargets(b -> b.rule("to-queue").targets(Target.builder().id("q").arn(queueArn).build()));

        String connection = clients.events.createConnection(b -> b.name("partner")
                .authorizationType(ConnectionAuthorizationType.API_KEY)
                .authParameters(a -> a.apiKeyAuthParameters(k -> k.apiKeyName("x-api-key").apiKeyValue(SECRET))))
                .connectionArn();
        String destination = clients.events.createApiDestination(b -> b.name("partner").connectionArn(connection)
                .invocationEndpoint(partnerUrl).httpMethod("POST")).apiDestinationArn();
        clients.events.putRule(b -> b.name("to-partner").eventPattern("{\"source\":[\"crash.test\"]}"));
        clients.events.putTargets(b -> b.rule("to-partner").targets(Target.builder().id("p").arn(destination)
                .roleArn("arn:aws:iam::000000000000:role/events").retryPolicy(r -> r.maximumRetryAttempts(185)
                        .maximumEventAgeInSeconds(3600)).build()));
        return queueUrl;
    }

    /** SDK clients that do not retry: a call to a killed local-cloud fails at once. */
    private static final class Clients implements AutoCloseable {
        final EventBridgeClient events;
        final SqsClient sqs;

        Clients(URI endpoint) {
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
            events = EventBridgeClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(credentials).overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
                    .build();
            sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(credentials).overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
                    .build();
        }

        @Override
        public void close() {
            events.close();
            sqs.close();
        }
    }
}
