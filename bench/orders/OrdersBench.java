import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The orders-service write path and its outbox relay, each figure beside a ceiling measured in the same run:
 *
 * <ol>
 *   <li><b>ceiling</b> — {@code TransactWriteItems} of the same two items {@code POST /orders} writes (an order and
 *   its outbox record, copied from ones the service just stored, each with {@code attribute_not_exists(pk)}),
 *   through the same local-cloud edge, at the same concurrency as the HTTP load;</li>
 *   <li><b>POST /orders</b> — wrk, flat out, every request a new order; req/s and latency from wrk;</li>
 *   <li><b>relay</b> — during that load, the outbox backlog (pending records, counted on the sparse pending index)
 *   sampled every second: records published per second = written − backlog growth; then the time until the
 *   backlog is empty once the load stops.</li>
 * </ol>
 *
 * <pre>java -cp ... OrdersBench.java EDGE_URL ORDERS_URL [seconds=20] [connections=32] [warmupSeconds=10]</pre>
 *
 * Started by {@code bench/orders/run.sh}, which brings up local-cloud and orders-service on free ports. Needs
 * {@code wrk} on the PATH. Prints one table; {@code BENCH_RESULT} lines are machine-readable.
 */
public class OrdersBench {

    static final String TABLE = "orders";
    static final String PENDING_INDEX = "outbox-pending-index";
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        URI edge = URI.create(args[0]);
        String ordersUrl = args[1];
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(edge).region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder()
                        .maxConnections(connections * 2))
                .build()) {
            Path lua = Files.createTempFile("orders-bench", ".lua");
            Files.writeString(lua, WRK_SCRIPT);
            String sample = firstOrder(ordersUrl);

            System.out.printf("warm-up: wrk %d s, %d connections%n", warmup, connections);
            wrk(ordersUrl, lua, connections, warmup);
            awaitDrained(dynamo, Duration.ofMinutes(5));
            double ceilingBefore = ceiling(dynamo, sample, connections, warmup);

            System.out.printf("measured: wrk %d s, %d connections, backlog sampled every second%n", seconds, connections);
            String loadBefore = BenchMachine.loadAverage();
            long backlogAtStart = pending(dynamo);
            Map<String, Double> cpuBefore = cpu();
            List<Long> backlog = new ArrayList<>();
            var sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> backlog.add(pending(dynamo)), 1, 1, java.util.concurrent.TimeUnit.SECONDS);
            Wrk result = wrk(ordersUrl, lua, connections, seconds);
            long loadEnded = System.nanoTime();
            sampler.shutdown();
            sampler.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            long backlogAtEnd = pending(dynamo);
            Duration drained = awaitDrained(dynamo, Duration.ofMinutes(10));
            Map<String, Double> cpuAfter = cpu();
            double drainSeconds = (System.nanoTime() - loadEnded) / 1e9;
            String loadAfter = BenchMachine.loadAverage();

            Map<String, Double> cpuCeilingStart = cpu();
            Ceiling measured = ceilingWithCount(dynamo, sample, connections, seconds);
            Map<String, Double> cpuCeilingEnd = cpu();
            double ceiling = measured.rate();
            double written = result.created / result.seconds;
            double published = (result.created - (backlogAtEnd - backlogAtStart)) / result.seconds;
            long maxBacklog = backlog.stream().mapToLong(Long::longValue).max().orElse(backlogAtEnd);

            System.out.println();
            System.out.printf("| what | figure | ceiling (same run) | ratio |%n|---|---|---|---|%n");
            System.out.printf("| POST /orders, %d connections | %.0f req/s, p50 %s, p99 %s, non-2xx %d | %.0f TransactWriteItems/s "
                            + "(order + outbox record; %.0f/s before the load) | %.2f |%n",
                    connections, result.requestsPerSecond, result.p50, result.p99, result.non2xx, ceiling, ceilingBefore,
                    result.requestsPerSecond / ceiling);
            System.out.printf("| outbox relay during that load | %.0f records/s published | %.0f records/s written | %.2f |%n",
                    published, written, published / written);
            System.out.printf("| outbox backlog | max %d records during the load, %d at its end; empty %.1f s after it%s | — | — |%n",
                    maxBacklog, backlogAtEnd, drainSeconds, drained == null ? " (NOT drained)" : "");
            System.out.println("where the CPU goes: POST /orders load + relay until drained: "
                    + cpuPer(cpuBefore, cpuAfter, result.created, "order") + "; ceiling: "
                    + cpuPer(cpuCeilingStart, cpuCeilingEnd, measured.count(), "TransactWriteItems"));
            System.out.printf("load average before/after the measured load: %s / %s (%d cores)%n", loadBefore, loadAfter,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("BENCH_RESULT post_orders_rps=%.1f txw_ceiling=%.1f ratio=%.3f p99=%s%n",
                    result.requestsPerSecond, ceiling, result.requestsPerSecond / ceiling, result.p99);
            System.out.printf("BENCH_RESULT relay_published_per_s=%.1f written_per_s=%.1f ratio=%.3f max_backlog=%d "
                            + "drain_s=%.1f%n", published, written, published / written, maxBacklog, drainSeconds);
            System.out.println("BENCH_RESULT backlog_samples=" + backlog);
        }
    }

    /** POSTs one order and returns its id: its stored items are the template for the ceiling's writes. */
    static String firstOrder(String ordersUrl) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ordersUrl + "/orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = ID.matcher(response.body());
        if (response.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("POST /orders answered " + response.statusCode() + ": " + response.body());
        }
        return m.group(1);
    }

    static double ceiling(DynamoDbClient dynamo, String orderId, int threads, int seconds) throws Exception {
        return ceilingWithCount(dynamo, orderId, threads, seconds).rate();
    }

    record Ceiling(double rate, long count) {
    }

    /** TransactWriteItems/s of copies of the order's two stored items, {@code threads} callers for {@code seconds}. */
    static Ceiling ceilingWithCount(DynamoDbClient dynamo, String orderId, int threads, int seconds) throws Exception {
        Map<String, AttributeValue> order = dynamo.getItem(b -> b.tableName(TABLE).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("order#" + orderId)))).item();
        Map<String, AttributeValue> outboxItem = findOutbox(dynamo, orderId);
        if (order.isEmpty() || outboxItem == null) {
            throw new IllegalStateException("could not read the sample order's items");
        }
        System.out.printf("ceiling: TransactWriteItems of order (%d attributes) + outbox record (%d attributes), "
                + "%d threads, %d s%n", order.size(), outboxItem.size(), threads, seconds);
        LongAdder done = new LongAdder();
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        String id = UUID.randomUUID().toString();
                        Map<String, AttributeValue> o = new HashMap<>(order);
                        o.put("pk", AttributeValue.fromS("order#" + id));
                        o.put("orderId", AttributeValue.fromS(id));
                        Map<String, AttributeValue> r = new HashMap<>(outboxItem);
                        r.put("pk", AttributeValue.fromS("outbox#" + id));
                        r.put("eventId", AttributeValue.fromS(id));
                        // Still in the pending index (same index write), under a state the relay never claims.
                        r.put("outboxState", AttributeValue.fromS("BENCH"));
                        r.keySet().removeAll(List.of("publishedAt", "leaseUntil", "leaseOwner"));
                        try {
                            dynamo.transactWriteItems(b -> b.transactItems(put(o), put(r)));
                            done.increment();
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        }
                    }
                });
            }
        }
        double rate = done.sum() / ((System.nanoTime() - start) / 1e9);
        System.out.printf("ceiling: %.0f TransactWriteItems/s (%d failed)%n", rate, failures.get());
        return new Ceiling(rate, done.sum());
    }

    static Map<String, AttributeValue> findOutbox(DynamoDbClient dynamo, String orderId) {
        // The record's key is derived from the order id by the service; find it by its detail instead of copying
        // the derivation here.
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(b -> b.tableName(TABLE)
                .filterExpression("begins_with(pk, :p) AND contains(detail, :id)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("outbox#"), ":id",
                        AttributeValue.fromS(orderId)))).items()) {
            return item;
        }
        return null;
    }

    static TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    /** Pending outbox records: the sparse index holds only those. */
    static long pending(DynamoDbClient dynamo) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(TABLE).indexName(PENDING_INDEX).select(Select.COUNT)
                    .keyConditionExpression("outboxState = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("PENDING")))
                    .exclusiveStartKey(from));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /** Waits until no record is pending; the time it took, or null when {@code limit} passed first. */
    static Duration awaitDrained(DynamoDbClient dynamo, Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < limit.toNanos()) {
            if (pending(dynamo) == 0) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(200); // polling an external system's state from a benchmark driver
        }
        return null;
    }

    record Wrk(double requestsPerSecond, long requests, long created, long non2xx, double seconds, String p50,
            String p99) {
    }

    static Wrk wrk(String url, Path lua, int connections, int seconds) throws Exception {
        Process process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", lua.toString(), url + "/orders").redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            reader.lines().forEach(line -> out.append(line).append('\n'));
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        String text = out.toString();
        double rps = Double.parseDouble(find(text, "Requests/sec:\\s+([0-9.]+)"));
        long requests = Long.parseLong(find(text, "(\\d+) requests in"));
        String elapsed = find(text, "requests in ([0-9.]+\\w+),");
        double secs = elapsed.endsWith("ms") ? Double.parseDouble(elapsed.replace("ms", "")) / 1000
                : elapsed.endsWith("m") ? Double.parseDouble(elapsed.replace("m", "")) * 60
                : Double.parseDouble(elapsed.replace("s", ""));
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(text);
        long bad = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        String p50 = find(text, "50%\\s+(\\S+)");
        String p99 = find(text, "99%\\s+(\\S+)");
        System.out.printf("wrk: %.0f req/s, %d requests in %.1f s, non-2xx %d, p50 %s, p99 %s%n", rps, requests, secs,
                bad, p50, p99);
        return new Wrk(rps, requests, requests - bad, bad, secs, p50, p99);
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no '" + regex + "' in wrk's output:\n" + text);
        }
        return m.group(1);
    }

    /** CPU seconds (user + system) each named process has used so far, from /proc/PID/stat. */
    static Map<String, Double> cpu() {
        Map<String, Double> seconds = new java.util.LinkedHashMap<>();
        String pids = System.getenv().getOrDefault("BENCH_PIDS", "");
        for (String entry : pids.split(",")) {
            String[] nameAndPid = entry.split("=");
            if (nameAndPid.length != 2) {
                continue;
            }
            try {
                String stat = Files.readString(Path.of("/proc", nameAndPid[1], "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                seconds.put(nameAndPid[0], (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0);
            } catch (Exception e) {
                seconds.put(nameAndPid[0], Double.NaN);
            }
        }
        return seconds;
    }

    /** CPU milliseconds per unit of work each process spent between two {@link #cpu()} readings. */
    static String cpuPer(Map<String, Double> before, Map<String, Double> after, double units, String unit) {
        StringBuilder text = new StringBuilder();
        before.forEach((name, start) -> text.append(text.isEmpty() ? "" : ", ")
                .append(String.format("%s %.2f ms", name, (after.get(name) - start) * 1000 / units)));
        return text.isEmpty() ? "n/a (BENCH_PIDS not set)" : text + " CPU per " + unit;
    }

    static final String BODY = """
            {"customerId":"c-bench","items":[{"sku":"SKU-1","quantity":2,"unitPrice":9.99}],\
            "shippingAddress":{"name":"Ada Lovelace","line1":"1 Analytical St","city":"London","postalCode":"N1 9GU",\
            "country":"GB"}}""";

    static final String WRK_SCRIPT = """
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            wrk.body = '%s'
            """.formatted(BODY);
}
