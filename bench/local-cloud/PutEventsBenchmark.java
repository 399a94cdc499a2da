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
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Measures local-cloud's EventBridge from the outside, with the real SDK clients over HTTP:
 * <ol>
 *   <li>throughput: {@code --events} events (default 50,000) put as fast as 8 threads can, in PutEvents calls of 10;
 *       reports events/s accepted (all PutEvents answered) and delivered (all received from the SQS target of the one
 *       matching rule), and checks that every event arrived (0 lost);</li>
 *   <li>ceiling: the same number of messages sent straight to a second queue with {@code SendMessageBatch} of 10 by
 *       8 threads through the same edge, with the same 8 consumers draining it — what local-cloud's SQS takes when
 *       EventBridge is not in between; measured before and after the PutEvents run, and the ratio of delivered to
 *       the mean of the two is the figure the target is about (≥ 0.9);</li>
 *   <li>latency: {@code --rate} events/s (default 1,000) for {@code --seconds} (default 20), one event per PutEvents
 *       call; reports p50/p99/max of put-to-received time (put start to the consumer holding the message; this
 *       includes the consumer's own receive call, so it is an upper bound of put-to-delivered).</li>
 * </ol>
 * A warm-up of {@code --warmup} events (default 10,000) through both paths runs first and is not reported.
 * {@code BENCH_RESULT} lines carry the figures for the benchmark command that collects them.
 * The consumers are 8 threads doing ReceiveMessage (10, long poll) + DeleteMessageBatch, as an application would.
 */
public final class PutEventsBenchmark {

    private static final int CONSUMERS = 8;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int events = Integer.parseInt(options.getOrDefault("--events", "50000"));
        int rate = Integer.parseInt(options.getOrDefault("--rate", "1000"));
        int seconds = Integer.parseInt(options.getOrDefault("--seconds", "20"));
        int warmup = Integer.parseInt(options.getOrDefault("--warmup", "10000"));
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
            run(persisted, events, rate, seconds, warmup);
        }
    }

    /** One local-cloud, in memory or with a fresh data directory (the journal, ElasticMQ's store, DynamoDB's). */
    private static void run(boolean persisted, int events, int rate, int seconds, int warmup) throws Exception {
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
                String ceilingUrl = sqs.createQueue(b -> b.queueName("bench-ceiling")).queueUrl();
                String mode = persisted ? "on" : "off";
                System.out.printf("local-cloud EventBridge benchmark (%d cores, Java %s, load average %s)%n",
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                        BenchMachine.loadAverage());
                if (warmup > 0) {
                    System.out.printf("warm-up: %,d events through each path (not reported)%n", warmup);
                    ceiling(sqs, ceilingUrl, warmup, 0);
                    throughput(bridge, sqs, queueUrl, warmup, 0, false);
                }
                String loadBefore = BenchMachine.loadAverage();
                double ceilingBefore = ceiling(sqs, ceilingUrl, events, 2_000_000);
                Throughput measured = throughput(bridge, sqs, queueUrl, events, 10_000_000, true);
                double ceilingAfter = ceiling(sqs, ceilingUrl, events, 4_000_000);
                double ceiling = (ceilingBefore + ceilingAfter) / 2;
                System.out.printf("  ceiling  : SendMessageBatch of 10 by 8 threads through the same edge: %,.0f msgs/s "
                        + "before, %,.0f after (mean %,.0f)%n", ceilingBefore, ceilingAfter, ceiling);
                System.out.printf("  ratio    : delivered / ceiling = %.2f (target ≥ 0.90; ≥ 5,000 events/s)%n",
                        measured.delivered() / ceiling);
                System.out.printf("BENCH_RESULT bench=local-cloud persistence=%s putevents_delivered_per_s=%.0f "
                                + "putevents_accepted_per_s=%.0f sendmessagebatch_ceiling_per_s=%.0f ratio=%.3f lost=%d "
                                + "duplicates=%d load=\"%s / %s\"%n", mode, measured.delivered(), measured.accepted(),
                        ceiling, measured.delivered() / ceiling, measured.lost(), measured.duplicates(), loadBefore,
                        BenchMachine.loadAverage());
                if (seconds > 0) {
                    String before = BenchMachine.loadAverage();
                    Latency latency = latency(bridge, sqs, queueUrl, rate, seconds);
                    System.out.printf("BENCH_RESULT bench=local-cloud persistence=%s latency_rate=%d achieved_per_s=%.0f "
                                    + "p50_ms=%.1f p99_ms=%.1f max_ms=%.1f enqueued_p50_ms=%d enqueued_p99_ms=%d lost=%d "
                                    + "load=\"%s / %s\"%n", mode, rate, latency.achieved(), latency.p50(), latency.p99(),
                            latency.max(), latency.enqueuedP50(), latency.enqueuedP99(), latency.lost(), before,
                            BenchMachine.loadAverage());
                }
                System.out.printf("load average at the end: %s (other processes on the machine skew every figure)%n",
                        BenchMachine.loadAverage());
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

    record Throughput(double accepted, double delivered, long lost, long duplicates) {
    }

    record Latency(double achieved, double p50, double p99, double max, long lost, long enqueuedP50,
                   long enqueuedP99) {
    }

    /**
     * Plain SendMessageBatch of 10 from 8 threads to a queue the same consumers drain: messages/s until the last batch
     * was answered (then every message is in SQS). Bodies look like the events' (numbered from {@code firstId}).
     */
    private static double ceiling(SqsClient sqs, String queueUrl, int messages, int firstId) throws Exception {
        Consumers consumers = Consumers.start(sqs, queueUrl);
        int threads = 8;
        AtomicInteger next = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            senders.execute(() -> {
                int from;
                while ((from = next.getAndAdd(10)) < messages) {
                    List<software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry> batch =
                            new ArrayList<>(10);
                    for (int i = from; i < Math.min(from + 10, messages); i++) {
                        batch.add(software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder()
                                .id(String.valueOf(i - from)).messageBody(envelope(firstId + i)).build());
                    }
                    failed.addAndGet(sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(batch)).failed().size());
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.MINUTES);
        double rate = messages / secs(start, System.nanoTime());
        consumers.awaitDistinct(messages, Duration.ofMinutes(2));
        consumers.stop();
        if (failed.get() > 0) {
            System.out.printf("  ceiling: %d messages refused%n", failed.get());
        }
        return rate;
    }

    /** A body the size and shape of an event envelope as the SQS target receives it. */
    private static String envelope(int n) {
        return "{\"version\":\"0\",\"id\":\"" + java.util.UUID.randomUUID() + "\",\"detail-type\":\"Bench\","
                + "\"source\":\"bench\",\"account\":\"000000000000\",\"time\":\"2026-12-01T00:00:00Z\","
                + "\"region\":\"us-east-1\",\"resources\":[],\"detail\":{\"n\":" + n + ",\"sentAt\":"
                + System.nanoTime() + "}}";
    }

    private static Throughput throughput(EventBridgeClient bridge, SqsClient sqs, String queueUrl, int events,
                                         int firstId, boolean report) throws Exception {
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
                        batch.add(entry(firstId + i));
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
        var result = new Throughput(events / secs(start, accepted), events / secs(start, inSqs),
                events - consumers.distinct(), consumers.received() - consumers.distinct());
        if (!report) {
            return result;
        }

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
        return result;
    }

    private static Latency latency(EventBridgeClient bridge, SqsClient sqs, String queueUrl, int rate, int seconds)
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
        long[] enqueued = consumers.enqueuedMillis(rate * 2);
        System.out.printf("latency at %,d events/s offered (%,.0f achieved) for %d s, 1 event per PutEvents:%n",
                rate, achieved, seconds);
        System.out.printf("  put-to-received p50 %.1f ms, p99 %.1f ms, max %.1f ms (%,d samples after warm-up); "
                        + "lost %d%n", ms(percentile(latencies, 50)), ms(percentile(latencies, 99)),
                ms(latencies.length == 0 ? 0 : latencies[latencies.length - 1]), latencies.length,
                total - consumers.distinct());
        // Where the time goes: put to in the queue (SQS's SentTimestamp, ms resolution) is EventBridge's part; the rest
        // is the consumer's ReceiveMessage through the edge.
        System.out.printf("  of which put-to-enqueued (SQS SentTimestamp) p50 %d ms, p99 %d ms%n",
                percentile(enqueued, 50), percentile(enqueued, 99));
        return new Latency(achieved, ms(percentile(latencies, 50)), ms(percentile(latencies, 99)),
                ms(latencies.length == 0 ? 0 : latencies[latencies.length - 1]), total - consumers.distinct(),
                percentile(enqueued, 50), percentile(enqueued, 99));
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
                .detail("{\"n\":" + id + ",\"sentAt\":" + System.nanoTime() + ",\"wallMs\":"
                        + System.currentTimeMillis() + "}").build();
    }

    /** Consumer threads collecting every event's number and put-to-received latency. */
    private static final class Consumers {
        private final Map<Integer, Long> latencyById = new ConcurrentHashMap<>();
        /** Put (wall clock) to SQS's SentTimestamp of the message, in ms: the EventBridge part of the latency. */
        private final Map<Integer, Long> enqueuedById = new ConcurrentHashMap<>();
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
                            .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP))
                            .messages();
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
                        String sentTimestamp = m.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
                        if (sentTimestamp != null && body.contains("\"wallMs\":")) {
                            enqueuedById.putIfAbsent(n, Long.parseLong(sentTimestamp)
                                    - Long.parseLong(field(body, "\"wallMs\":")));
                        }
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

        long[] enqueuedMillis(int skipFirst) {
            return enqueuedById.entrySet().stream().filter(e -> e.getKey() >= 1_000_000 + skipFirst)
                    .mapToLong(Map.Entry::getValue).sorted().toArray();
        }

        void stop() throws InterruptedException {
            running.set(false);
            stopped.await(5, TimeUnit.SECONDS);
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
