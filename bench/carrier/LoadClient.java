import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop load on POST /shipments: {@code concurrency} virtual threads each send one request at a time until
 * {@code requests} have been sent, every one a new order with its own Idempotency-Key. Prints latency percentiles.
 *
 * <pre>java LoadClient.java http://localhost:8081 API_KEY 10000 200 [warmup]</pre>
 */
public class LoadClient {

    public static void main(String[] args) throws Exception {
        URI target = URI.create(args[0] + "/shipments");
        String apiKey = args[1];
        int requests = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

        if (warmup > 0) {
            run(http, target, apiKey, warmup, concurrency);
            System.out.println("warm-up of " + warmup + " requests done");
        }
        Result result = run(http, target, apiKey, requests, concurrency);
        long[] sorted = result.latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("requests %d, concurrency %d, wall %.2f s, throughput %.0f req/s%n", requests, concurrency,
                result.wallNanos / 1e9, requests / (result.wallNanos / 1e9));
        System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9), sorted[sorted.length - 1] / 1e6);
        System.out.println("statuses " + new TreeMap<>(result.statuses));
        if (result.statuses.keySet().stream().anyMatch(status -> status != 201)) {
            System.exit(1);
        }
    }

    private record Result(long[] latencies, long wallNanos, Map<Integer, Integer> statuses) {
    }

    private static Result run(HttpClient http, URI target, String apiKey, int requests, int concurrency)
            throws InterruptedException {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        LongAdder failures = new LongAdder();
        long started = System.nanoTime();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        String orderId = UUID.randomUUID().toString();
                        HttpRequest request = HttpRequest.newBuilder(target)
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("x-api-key", apiKey)
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString(body(orderId)))
                                .build();
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            failures.increment();
                            status = -1;
                        }
                        latencies[i] = System.nanoTime() - t0;
                        statuses.merge(status, 1, Integer::sum);
                    }
                    return null;
                });
            }
        }
        return new Result(latencies, System.nanoTime() - started, statuses);
    }

    private static String body(String orderId) {
        return """
                {"orderId":"%s","customerId":"cust-1","correlationId":"bench-%s",
                 "items":[{"sku":"SKU-1","quantity":2,"unitPrice":10.25},{"sku":"SKU-2","quantity":1,"unitPrice":3.5}],
                 "shipTo":{"name":"Ada Lovelace","line1":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}
                """.formatted(orderId, orderId);
    }

    private static double pct(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
