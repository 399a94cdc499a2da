import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.LocalCloudSettings;
import io.eventgate.localcloud.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.ThrottleSettings;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Benchmark of local-cloud's API Gateway data plane (not part of the build; run bench/apigateway/run.sh).
 *
 * <ol>
 *   <li>closed loop, MOCK route: requests/s through the gateway alone;</li>
 *   <li>closed loop, the partner route (AWS integration → PutEvents → rule → SQS): requests/s accepted, then every
 *       event drained from the queue and counted by its unique orderId — lost = sent - distinct received;</li>
 *   <li>open loop at a fixed rate (default 1,000 req/s) on the partner route: latency measured from each request's
 *       scheduled send time (no coordinated omission), p50/p99/max.</li>
 * </ol>
 * Load generator and local-cloud share one JVM and the machine's cores, so figures are a lower bound.
 */
public final class GatewayBench {

    static final String TEMPLATE = """
            #set($detail = '{"metadata":{"apiKeyId":"' + $context.identity.apiKeyId + '",' + $input.json('$.metadata').substring(1) + ',"data":' + $input.json('$.data') + '}')
            {"Entries": [{"EventBusName": "$stageVariables.eventBusName",
              "Source": "$util.escapeJavaScript($input.path('$.metadata.source'))",
              "DetailType": "$util.escapeJavaScript($input.path('$.metadata.eventName'))",
              "Detail": "$util.escapeJavaScript($detail).replaceAll("\\\\'", "'")"}]}
            """;
    static final String RESPONSE = """
            #if($input.path('$.FailedEntryCount') > 0)
            #set($context.responseOverride.status = 502)
            {"message": "The event was not accepted"}
            #else
            {"eventId": "$input.path('$.Entries[0].EventId')"}
            #end
            """;

    public static void main(String[] args) throws Exception {
        int requests = intArg(args, 0, 20_000);
        int concurrency = intArg(args, 1, 64);
        int rate = intArg(args, 2, 1_000);
        int seconds = intArg(args, 3, 20);
        if (args.length > 4 && args[4].equals("in-process")) {
            inProcess(requests);
            System.exit(0);
        }
        try (LocalCloud cloud = LocalCloud.start(LocalCloudSettings.forTests())) {
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
            try (var apigw = ApiGatewayClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                         .credentialsProvider(credentials).build();
                 var events = EventBridgeClient.builder().endpointOverride(cloud.endpoint())
                         .region(Region.US_EAST_1).credentialsProvider(credentials).build();
                 var sqs = SqsClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                         .credentialsProvider(credentials).build()) {
                String key = setUp(apigw, events, sqs);
                String queueUrl = sqs.getQueueUrl(b -> b.queueName("bench-inbox")).queueUrl();
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
                URI mock = URI.create(cloud.endpoint() + "/_aws/execute-api/bench/local/ping");
                URI route = URI.create(cloud.endpoint() + "/_aws/execute-api/bench/local/events");

                // Warm-up: let the JIT compile the paths before anything is measured.
                closedLoop(http, mock, key, 5_000, concurrency, "warm-up");
                closedLoop(http, route, key, 5_000, concurrency, "warm-up");
                drain(sqs, queueUrl, 5_000, Duration.ofSeconds(120), "warm-up");

                String loadBefore = BenchMachine.loadAverage();
                System.out.println("== MOCK route, closed loop, " + concurrency + " in flight");
                double mockRate = closedLoop(http, mock, key, requests, concurrency, "mock");

                System.out.println("== PutEvents route → EventBridge → SQS, closed loop, " + concurrency + " in flight");
                long start = System.nanoTime();
                double routeRate = closedLoop(http, route, key, requests, concurrency, "route");
                Set<String> received = drain(sqs, queueUrl, requests, Duration.ofSeconds(180), "route");
                double seconds2 = (System.nanoTime() - start) / 1e9;
                System.out.printf("delivered %d/%d distinct events to SQS, lost %d; %.0f events/s end to end "
                        + "(POST to message in queue)%n", received.size(), requests, requests - received.size(),
                        received.size() / seconds2);
                System.out.printf("BENCH_RESULT bench=apigateway mock_req_per_s=%.0f route_req_per_s=%.0f "
                                + "route_delivered_per_s=%.0f lost=%d concurrency=%d load=\"%s / %s\"%n", mockRate,
                        routeRate, received.size() / seconds2, requests - received.size(), concurrency, loadBefore,
                        BenchMachine.loadAverage());

                System.out.println("== PutEvents route, open loop at " + rate + " req/s for " + seconds + " s");
                String openBefore = BenchMachine.loadAverage();
                OpenLoop open = openLoop(http, route, key, rate, seconds);
                int accepted = OPEN_LOOP_ACCEPTED.get();
                Set<String> late = drain(sqs, queueUrl, accepted, Duration.ofSeconds(120), "open-loop");
                System.out.printf("open loop: delivered %d of %d accepted events, lost %d%n", late.size(), accepted,
                        accepted - late.size());
                System.out.printf("BENCH_RESULT bench=apigateway open_loop_rate=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f "
                                + "non_200=%d skipped=%d lost=%d load=\"%s / %s\"%n", rate, open.p50(), open.p99(),
                        open.max(), open.failures(), open.skipped(), accepted - late.size(), openBefore,
                        BenchMachine.loadAverage());
            }
        }
        inProcess(requests);
        System.exit(0);
    }

    /**
     * The gateway's own cost: the partner route's handler called in-process (no HTTP on either side), with PutEvents
     * answered by a constant instead of the bus. Everything the gateway does per request is in it: path and key
     * lookup, throttle, schema validation, both templates, response mapping.
     */
    private static void inProcess(int count) throws Exception {
        byte[] answer = "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"11111111-2222-3333-4444-555555555555\"}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var router = new io.eventgate.localcloud.edge.EdgeRouter();
        var gatewayService = new io.eventgate.localcloud.apigateway.ApiGatewayService("000000000000",
                java.time.Clock.systemUTC(), r -> io.eventgate.localcloud.edge.EdgeResponse.of(200,
                        "application/x-amz-json-1.1", answer), HttpClient.newHttpClient());
        router.register(gatewayService);
        try (var edge = new io.eventgate.localcloud.edge.EdgeServer("127.0.0.1", 0, router)) {
            edge.start();
            String key;
            try (var apigw = ApiGatewayClient.builder().endpointOverride(URI.create("http://localhost:" + edge.port()))
                    .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("bench", "bench"))).build()) {
                key = setUpGateway(apigw);
            }
            for (String label : List.of("warm-up", "in-process")) {
                int n = label.equals("warm-up") ? 20_000 : count;
                long cpuStart = cpuNanos();
                long start = System.nanoTime();
                AtomicInteger ok = new AtomicInteger();
                try (ExecutorService workers = Executors.newFixedThreadPool(2)) {
                    for (int w = 0; w < 2; w++) {
                        workers.submit(() -> {
                            for (int i = 0; i < n / 2; i++) {
                                byte[] body = ("{\"metadata\":{\"source\":\"com.carrier\",\"eventName\":\"OrderShipped\","
                                        + "\"eventSchemaVersion\":\"1\"},\"data\":{\"orderId\":\"o-" + i + "\"}}")
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                                var edgeRequest = new io.eventgate.localcloud.edge.EdgeRequest("POST",
                                        "/_aws/execute-api/bench/local/events", "", Map.of("Content-Type",
                                        List.of("application/json"), "x-api-key", List.of(key)), body, "127.0.0.1");
                                if (router.route(edgeRequest).status() == 200) {
                                    ok.incrementAndGet();
                                }
                            }
                            return null;
                        });
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (!label.equals("warm-up")) {
                    double cpu = (cpuNanos() - cpuStart) / 1e6 / n;
                    System.out.printf("== gateway alone (route handler in-process, PutEvents stubbed), 2 threads%n"
                            + "in-process: %d requests in %.2f s = %.0f req/s; 200: %d; process CPU %.3f ms/request"
                            + " → %.0f req/s per free core%n", n, seconds, n / seconds, ok.get(), cpu, 1000 / cpu);
                    System.out.printf("BENCH_RESULT bench=apigateway in_process_req_per_s=%.0f load=\"%s\"%n",
                            n / seconds, BenchMachine.loadAverage());
                }
            }
        }
    }

    private static String setUpGateway(ApiGatewayClient apigw) {
        apigw.createRestApi(b -> b.name("bench").tags(Map.of("_custom_id_", "bench")));
        String root = apigw.getResources(b -> b.restApiId("bench")).items().getFirst().id();
        String ping = apigw.createResource(b -> b.restApiId("bench").parentId(root).pathPart("ping")).id();
        String eventsResource = apigw.createResource(b -> b.restApiId("bench").parentId(root).pathPart("events")).id();
        apigw.putMethod(b -> b.restApiId("bench").resourceId(ping).httpMethod("POST").authorizationType("NONE")
                .apiKeyRequired(true));
        apigw.putIntegration(b -> b.restApiId("bench").resourceId(ping).httpMethod("POST").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        apigw.putMethodResponse(b -> b.restApiId("bench").resourceId(ping).httpMethod("POST").statusCode("200"));
        apigw.putIntegrationResponse(b -> b.restApiId("bench").resourceId(ping).httpMethod("POST").statusCode("200")
                .responseTemplates(Map.of("application/json", "{\"pong\": \"$context.requestId\"}")));
        apigw.createModel(b -> b.restApiId("bench").name("Envelope").contentType("application/json").schema("""
                {"$schema": "http://json-schema.org/draft-04/schema#", "type": "object", "required": ["metadata", "data"],
                 "properties": {"metadata": {"type": "object", "required": ["source", "eventName"]}, "data": {"type": "object"}}}"""));
        String validator = apigw.createRequestValidator(b -> b.restApiId("bench").name("body").validateRequestBody(true)).id();
        apigw.putMethod(b -> b.restApiId("bench").resourceId(eventsResource).httpMethod("POST").authorizationType("NONE")
                .apiKeyRequired(true).requestValidatorId(validator).requestModels(Map.of("application/json", "Envelope")));
        apigw.putIntegration(b -> b.restApiId("bench").resourceId(eventsResource).httpMethod("POST")
                .type(IntegrationType.AWS).integrationHttpMethod("POST")
                .uri("arn:aws:apigateway:us-east-1:events:action/PutEvents").passthroughBehavior("NEVER")
                .requestParameters(Map.of("integration.request.header.X-Amz-Target", "'AWSEvents.PutEvents'",
                        "integration.request.header.Content-Type", "'application/x-amz-json-1.1'"))
                .requestTemplates(Map.of("application/json", TEMPLATE)));
        for (String status : List.of("200", "502")) {
            apigw.putMethodResponse(b -> b.restApiId("bench").resourceId(eventsResource).httpMethod("POST").statusCode(status));
        }
        apigw.putIntegrationResponse(b -> b.restApiId("bench").resourceId(eventsResource).httpMethod("POST")
                .statusCode("200").responseTemplates(Map.of("application/json", RESPONSE)));
        apigw.putIntegrationResponse(b -> b.restApiId("bench").resourceId(eventsResource).httpMethod("POST")
                .statusCode("502").selectionPattern("[45]\\d{2}"));
        apigw.createDeployment(b -> b.restApiId("bench").stageName("local").variables(Map.of("eventBusName", "bench-bus")));
        var key = apigw.createApiKey(b -> b.name("bench").enabled(true));
        String plan = apigw.createUsagePlan(b -> b.name("bench").apiStages(ApiStage.builder().apiId("bench").stage("local").build())
                .throttle(ThrottleSettings.builder().rateLimit(100_000.0).burstLimit(100_000).build())).id();
        apigw.createUsagePlanKey(b -> b.usagePlanId(plan).keyId(key.id()).keyType("API_KEY"));
        return key.value();
    }

    private static String setUp(ApiGatewayClient apigw, EventBridgeClient events, SqsClient sqs) {
        String key = setUpGateway(apigw);
        events.createEventBus(b -> b.name("bench-bus"));
        String ruleArn = events.putRule(b -> b.name("bench-rule").eventBusName("bench-bus")
                .eventPattern("{\"source\": [\"com.carrier\"]}")).ruleArn();
        String queueUrl = sqs.createQueue(b -> b.queueName("bench-inbox")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY, """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"},
                 "Action": "sqs:SendMessage", "Resource": "%s", "Condition": {"ArnEquals": {"aws:SourceArn": "%s"}}}]}"""
                .formatted(queueArn, ruleArn))));
        events.putTargets(b -> b.rule("bench-rule").eventBusName("bench-bus")
                .targets(Target.builder().id("inbox").arn(queueArn).build()));
        return key;
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final AtomicInteger OPEN_LOOP_ACCEPTED = new AtomicInteger();

    private static HttpRequest request(URI uri, String key) {
        String body = "{\"metadata\":{\"source\":\"com.carrier\",\"eventName\":\"OrderShipped\",\"eventSchemaVersion\":\"1\"},"
                + "\"data\":{\"orderId\":\"o-" + SEQUENCE.incrementAndGet() + "\",\"carrier\":\"bench\"}}";
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("x-api-key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static double closedLoop(HttpClient http, URI uri, String key, int count, int concurrency, String label)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger ok = new AtomicInteger();
        Map<Integer, AtomicInteger> other = new ConcurrentHashMap<>();
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            http.sendAsync(request(uri, key), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                int status = e != null ? -1 : r.statusCode();
                if (status == 200) {
                    ok.incrementAndGet();
                } else {
                    other.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMillisPerRequest = (cpuNanos() - cpuStart) / 1e6 / count;
        if (!label.equals("warm-up")) {
            // CPU per request (local-cloud + load generator + the async EventBridge → SQS delivery it triggers) tells
            // what the route costs whatever else runs on the machine; cores / cost = throughput with cores to spare.
            System.out.printf("%s: %d requests in %.2f s = %.0f req/s; 200: %d, other: %s; process CPU %.3f ms/request"
                            + " → %.0f req/s per free core%n", label, count, seconds, count / seconds, ok.get(), other,
                    cpuMillisPerRequest, 1000 / cpuMillisPerRequest);
        }
        return count / seconds;
    }

    /** Open-loop figures: p50/p99/max in ms from each request's scheduled send, non-200 answers, sends skipped. */
    record OpenLoop(double p50, double p99, double max, int failures, int skipped) {
    }

    private static OpenLoop openLoop(HttpClient http, URI uri, String key, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        // More than this many outstanding means the system fell behind; such sends are counted, not queued forever
        // (each would hold a connection and two file descriptors).
        Semaphore outstanding = new Semaphore(2_000);
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        var done = new java.util.concurrent.CountDownLatch(total);
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            if (!outstanding.tryAcquire()) {
                skipped.incrementAndGet();
                done.countDown();
                continue;
            }
            http.sendAsync(request(uri, key), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                latencies[index] = System.nanoTime() - scheduled;
                if (e != null || r.statusCode() != 200) {
                    failures.incrementAndGet();
                } else {
                    OPEN_LOOP_ACCEPTED.incrementAndGet();
                }
                outstanding.release();
                done.countDown();
            });
        }
        done.await(60, TimeUnit.SECONDS);
        long[] sorted = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        if (skipped.get() > 0) {
            System.out.printf("open loop: %d sends skipped because 2000 were outstanding (system behind the rate)%n",
                    skipped.get());
        }
        System.out.printf("open loop: %d requests, %d non-200; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
                        + "max %.2f ms%n", sorted.length, failures.get(), percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
        return new OpenLoop(percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6,
                failures.get(), skipped.get());
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    /** Receives and deletes until {@code expected} distinct orderIds arrived or the deadline passes. */
    private static Set<String> drain(SqsClient sqs, String queueUrl, int expected, Duration deadline, String label)
            throws InterruptedException {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        long end = System.nanoTime() + deadline.toNanos();
        ExecutorService drainers = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            drainers.submit(() -> {
                while (seen.size() < expected && System.nanoTime() < end) {
                    List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                            .waitTimeSeconds(1)).messages();
                    if (messages.isEmpty()) {
                        continue;
                    }
                    List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
                    for (Message m : messages) {
                        String orderId = Json.parse(m.body()).get("detail").get("data").get("orderId").asString();
                        if (!seen.add(orderId)) {
                            duplicates.incrementAndGet();
                        }
                        deletes.add(DeleteMessageBatchRequestEntry.builder().id(String.valueOf(deletes.size()))
                                .receiptHandle(m.receiptHandle()).build());
                    }
                    sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(deletes));
                }
                return null;
            });
        }
        drainers.shutdown();
        drainers.awaitTermination(deadline.toSeconds() + 30, TimeUnit.SECONDS);
        if (duplicates.get() > 0 && !label.equals("warm-up")) {
            System.out.println(label + ": " + duplicates.get() + " duplicate deliveries (at-least-once)");
        }
        return seen;
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
