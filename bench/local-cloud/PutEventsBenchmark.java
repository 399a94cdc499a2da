import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.LocalCloudSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Measures local-cloud's EventBridge from the outside, with the real SDK clients over HTTP:
 * <ol>
 *   <li>throughput: {@code --events} events (default 50,000) put as fast as 8 threads can, in PutEvents calls of 10;
 *       reports events/s accepted (all PutEvents answered) and delivered (all received from the SQS target of the one
 *       matching rule), and checks that every event arrived (0 lost);</li>
 *   <li>latency: {@code --rate} events/s (default 1,000) for {@code --seconds} (default 20), one event per PutEvents
 *       call; reports p50/p99/max of put-to-received time (put start to the consumer holding the message; this
 *       includes the consumer's own receive call, so it is an upper bound of put-to-delivered).</li>
 * </ol>
 * The consumers are 8 threads doing ReceiveMessage (10, long poll) + DeleteMessageBatch, as an application would.
 */
public final class PutEventsBenchmark {

    private static final int CONSUMERS = 8;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int events = Integer.parseInt(options.getOrDefault("--events", "50000"));
        int rate = Integer.parseInt(options.getOrDefault("--rate", "1000"));
        int seconds = Integer.parseInt(options.getOrDefault("--seconds", "20"));
        // off, on, both (= off,on), or a list such as off,on,off,on (the first runs warm the JIT up)
        String persistence = options.getOrDefault("--persistence", "off").replace("both", "off,on");
        List<Boolean> modes = new ArrayList<>();
        for (String mode : persistence.split(",")) {
            switch (mode) {
                case "off" -> modes.add(false);
                case "on" -> modes.add(true);
                default -> throw new IllegalArgumentException("--persistence takes off, on, both or a list of them");
            }
        }
        for (boolean persisted : modes) {
            run(persisted, events, rate, seconds);
        }
    }

    /** One local-cloud, in memory or with a fresh data directory (the journal, ElasticMQ's store, DynamoDB's). */
    private static void run(boolean persisted, int events, int rate, int seconds) throws Exception {
        LocalCloudSettings settings = LocalCloudSettings.forTests();
        java.nio.file.Path data = null;
        if (persisted) {
            data = java.nio.file.Files.createTempDirectory("local-cloud-bench");
            settings = settings.withDataDirectory(data);
        }
        System.out.printf("%n=== persistence %s%s ===%n", persisted ? "ON, data directory " : "OFF (in memory)",
                persisted ? data : "");
        try (LocalCloud cloud = LocalCloud.start(settings)) {
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
            var http = ApacheHttpClient.builder().maxConnections(64);
            try (EventBridgeClient bridge = EventBridgeClient.builder().endpointOverride(cloud.endpoint())
                    .region(Region.US_EAST_1).credentialsProvider(credentials).httpClientBuilder(http).build();
                 SqsClient sqs = SqsClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                         .credentialsProvider(credentials).httpClientBuilder(http).build()) {
                String queueUrl = setUp(bridge, sqs);
                System.out.printf("local-cloud EventBridge benchmark (%d cores, Java %s, load average %s)%n",
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load());
                throughput(bridge, sqs, queueUrl, events);
                if (seconds > 0) {
                    latency(bridge, sqs, queueUrl, rate, seconds);
                }
                System.out.printf("load average at the end: %s (other processes on the machine skew every figure)%n",
                        load());
            }
        }
    }

    private static String setUp(EventBridgeClient bridge, SqsClient sqs) {
        String ruleArn = bridge.putRule(b -> b.name("bench").eventPattern("{\"source\":[\"bench\"]}")).ruleArn();
        String url = sqs.createQueue(b -> b.queueName("bench")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String policy = ("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"events.amazonaws.com\"},"
                + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"%s\",\"Condition\":{\"ArnEquals\":"
                + "{\"aws:SourceArn\":\"%s\"}}}]}").formatted(queueArn, ruleArn);
        sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY, policy)));
        bridge.putTargets(b -> b.rule("bench").targets(software.amazon.awssdk.services.eventbridge.model.Target.builder()
                .id("q").arn(queueArn).build()));
        return url;
    }

    private static void throughput(EventBridgeClient bridge, SqsClient sqs, String queueUrl, int events)
            throws Exception {
        Consumers consumers = Consumers.start(sqs, queueUrl);
        int threads = 8;
        AtomicInteger next = new AtomicInteger();
        AtomicLong failedEntries = new AtomicLong();
        ExecutorService putters = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            putters.execute(() -> {
                int from;
                while ((from = next.getAndAdd(10)) < events) {
                    List<PutEventsRequestEntry> batch = new ArrayList<>(10);
                    for (int i = from; i < Math.min(from + 10, events); i++) {
                        batch.add(entry(i));
                    }
                    PutEventsResponse response = bridge.putEvents(b -> b.entries(batch));
                    failedEntries.addAndGet(response.failedEntryCount());
                }
            });
        }
        putters.shutdown();
        putters.awaitTermination(10, TimeUnit.MINUTES);
        long accepted = System.nanoTime();
        // In SQS = consumed so far + still in the queue: when it reaches N, EventBridge has delivered everything,
        // whatever the consumers' own pace.
        // (Approximate: a message received but not yet deleted counts twice for a moment.)
        while (consumers.distinct() + queued(sqs, queueUrl) < events
                && System.nanoTime() - accepted < TimeUnit.MINUTES.toNanos(5)) {
            Thread.sleep(20);
        }
        long inSqs = System.nanoTime();
        boolean all = consumers.awaitDistinct(events, Duration.ofMinutes(5));
        long delivered = System.nanoTime();
        consumers.stop();

        System.out.printf("throughput: %,d events, %d PutEvents threads x 10 entries, %d consumers%n", events, threads,
                CONSUMERS);
        System.out.printf("  accepted : %,.0f events/s (failed entries: %d)%n", events / secs(start, accepted),
                failedEntries.get());
        System.out.printf("  delivered: %,.0f events/s into the SQS target (all %,d there %.1f s after the first put)%n",
                events / secs(start, inSqs), events, secs(start, inSqs));
        System.out.printf("  consumed : %,.0f events/s by the %d consumers (all %,d received after %.1f s)%n",
                events / secs(start, delivered), CONSUMERS, events, secs(start, delivered));
        System.out.printf("  lost     : %d   duplicates: %d%n", events - consumers.distinct(),
                consumers.received() - consumers.distinct());
        if (!all) {
            System.out.println("  NOT ALL EVENTS ARRIVED within 5 minutes");
        }
    }

    private static void latency(EventBridgeClient bridge, SqsClient sqs, String queueUrl, int rate, int seconds)
            throws Exception {
        Consumers consumers = Consumers.start(sqs, queueUrl);
        int total = rate * seconds;
        int threads = 8;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        AtomicInteger next = new AtomicInteger();
        ExecutorService putters = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            putters.execute(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    long due = start + i * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    int id = 1_000_000 + i;
                    bridge.putEvents(b -> b.entries(entry(id)));
                }
            });
        }
        putters.shutdown();
        putters.awaitTermination(10, TimeUnit.MINUTES);
        double achieved = total / secs(start, System.nanoTime());
        consumers.awaitDistinct(total, Duration.ofMinutes(2));
        consumers.stop();

        long[] latencies = consumers.latencies(rate * 2); // skip the first 2 s (warm-up)
        Arrays.sort(latencies);
        System.out.printf("latency at %,d events/s offered (%,.0f achieved) for %d s, 1 event per PutEvents:%n",
                rate, achieved, seconds);
        System.out.printf("  put-to-received p50 %.1f ms, p99 %.1f ms, max %.1f ms (%,d samples after warm-up); "
                        + "lost %d%n", ms(percentile(latencies, 50)), ms(percentile(latencies, 99)),
                ms(latencies.length == 0 ? 0 : latencies[latencies.length - 1]), latencies.length,
                total - consumers.distinct());
    }

    private static long queued(SqsClient sqs, String queueUrl) {
        var attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static PutEventsRequestEntry entry(int id) {
        return PutEventsRequestEntry.builder().source("bench").detailType("Bench")
                .detail("{\"n\":" + id + ",\"sentAt\":" + System.nanoTime() + "}").build();
    }

    /** Consumer threads collecting every event's number and put-to-received latency. */
    private static final class Consumers {
        private final Map<Integer, Long> latencyById = new ConcurrentHashMap<>();
        private final AtomicLong received = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final CountDownLatch stopped = new CountDownLatch(CONSUMERS);

        static Consumers start(SqsClient sqs, String queueUrl) {
            Consumers consumers = new Consumers();
            for (int i = 0; i < CONSUMERS; i++) {
                Thread.ofPlatform().daemon().start(() -> consumers.run(sqs, queueUrl));
            }
            return consumers;
        }

        private void run(SqsClient sqs, String queueUrl) {
            try {
                while (running.get()) {
                    List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                            .waitTimeSeconds(1)).messages();
                    long now = System.nanoTime();
                    if (messages.isEmpty()) {
                        continue;
                    }
                    for (Message m : messages) {
                        String body = m.body();
                        int n = Integer.parseInt(field(body, "\"n\":"));
                        long sentAt = Long.parseLong(field(body, "\"sentAt\":"));
                        received.incrementAndGet();
                        latencyById.putIfAbsent(n, now - sentAt);
                    }
                    List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
                    for (int i = 0; i < messages.size(); i++) {
                        deletes.add(DeleteMessageBatchRequestEntry.builder().id(String.valueOf(i))
                                .receiptHandle(messages.get(i).receiptHandle()).build());
                    }
                    sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(deletes));
                }
            } finally {
                stopped.countDown();
            }
        }

        private static String field(String body, String name) {
            int at = body.indexOf(name) + name.length();
            int end = at;
            while (end < body.length() && Character.isDigit(body.charAt(end))) {
                end++;
            }
            return body.substring(at, end);
        }

        boolean awaitDistinct(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (latencyById.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(5); // benchmark harness polling its own counter, not a test
            }
            return latencyById.size() >= count;
        }

        int distinct() {
            return latencyById.size();
        }

        long received() {
            return received.get();
        }

        long[] latencies(int skipFirst) {
            return latencyById.entrySet().stream().filter(e -> e.getKey() >= 1_000_000 + skipFirst)
                    .mapToLong(Map.Entry::getValue).toArray();
        }

        void stop() throws InterruptedException {
            running.set(false);
            stopped.await(5, TimeUnit.SECONDS);
        }
    }

    private static String load() {
        try {
            return String.join(" ", Arrays.copyOf(java.nio.file.Files.readString(java.nio.file.Path.of(
                    "/proc/loadavg")).split(" "), 3));
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double secs(long from, long to) {
        return (to - from) / 1e9;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
