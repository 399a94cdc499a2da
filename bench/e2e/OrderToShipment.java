import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * End-to-end latency from {@code POST /orders} to the carrier holding the shipment: orders-service → outbox relay →
 * EventBridge → rule → API destination (input transformer, rate limit) → carrier-service. Posts N orders at a fixed
 * rate and polls the carrier for each one every 10 ms. Run against a stack started by {@code ./eventgate run}:
 *
 * <pre>set -a; . .run/eventgate.env; set +a
 * java bench/e2e/OrderToShipment.java [orders=200] [perSecond=8] [ordersUrl] [carrierUrl]</pre>
 *
 * The carrier's {@code GET /shipments/{orderId}} is its back office: the probe reads the back-office password from
 * {@code EVENTGATE_CARRIER_BACK_OFFICE_PASSWORD} (which {@code ./eventgate run} writes to {@code .run/eventgate.env}).
 *
 * Keep the rate under the API destination's InvocationRateLimitPerSecond (10/s in the topology): above it events
 * queue by design and the figure measures the queue, not the path.
 */
public class OrderToShipment {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        double perSecond = args.length > 1 ? Double.parseDouble(args[1]) : 8;
        String ordersUrl = args.length > 2 ? args[2] : "http://localhost:8080";
        String carrierUrl = args.length > 3 ? args[3] : "http://localhost:8081";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long interval = (long) (1_000_000_000L / perSecond);
        List<Future<Long>> results = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            for (int i = 0; i < orders; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait)); // pacing the load generator, not waiting on a result
                }
                int n = i;
                results.add(pool.submit(() -> oneOrder(http, ordersUrl, carrierUrl, n)));
            }
            List<Long> micros = new ArrayList<>();
            List<String> inOrder = new ArrayList<>();
            int lost = 0;
            for (Future<Long> result : results) {
                long value = result.get();
                inOrder.add(value < 0 ? "lost" : String.valueOf(value / 1000));
                if (value < 0) {
                    lost++;
                } else {
                    micros.add(value);
                }
            }
            // When the slow ones were sent says whether they are a cold start (the first few) or spread out.
            System.out.println("ms per order, in the order sent: " + String.join(" ", inOrder));
            Collections.sort(micros);
            System.out.printf("orders=%d rate=%.1f/s arrived=%d lost=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms%n",
                    orders, perSecond, micros.size(), lost, pct(micros, 50), pct(micros, 90), pct(micros, 99),
                    micros.isEmpty() ? 0 : micros.getLast() / 1000.0);
            System.out.printf("BENCH_RESULT bench=e2e orders=%d rate=%.1f arrived=%d lost=%d p50_ms=%.1f p90_ms=%.1f "
                            + "p99_ms=%.1f max_ms=%.1f%n", orders, perSecond, micros.size(), lost, pct(micros, 50),
                    pct(micros, 90), pct(micros, 99), micros.isEmpty() ? 0 : micros.getLast() / 1000.0);
        }
    }

    /** Microseconds from the POST to the first 200 from the carrier, or -1 when it did not arrive within 60 s. */
    private static long oneOrder(HttpClient http, String ordersUrl, String carrierUrl, int n) throws Exception {
        String body = """
                {"customerId":"bench-%d","items":[{"sku":"SKU-BENCH","quantity":1,"unitPrice":1.5}],
                 "shippingAddress":{"name":"Bench","line1":"1 Road","city":"Town","postalCode":"12345","country":"DE"}}
                """.formatted(n);
        long t0 = System.nanoTime();
        var created = http.send(HttpRequest.newBuilder(URI.create(ordersUrl + "/orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        var matcher = ID.matcher(created.body());
        if (created.statusCode() != 201 || !matcher.find()) {
            throw new IllegalStateException("POST /orders answered " + created.statusCode() + ": " + created.body());
        }
        var poll = HttpRequest.newBuilder(URI.create(carrierUrl + "/shipments/" + matcher.group(1)))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("back-office:" + System.getenv("EVENTGATE_CARRIER_BACK_OFFICE_PASSWORD"))
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .GET().build();
        long deadline = t0 + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (http.send(poll, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return (System.nanoTime() - t0) / 1000;
            }
            Thread.sleep(10); // polling interval of the probe
        }
        return -1;
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
