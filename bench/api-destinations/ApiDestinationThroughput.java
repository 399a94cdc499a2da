import com.sun.net.httpserver.HttpServer;
import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.LocalCloudSettings;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * API-destination delivery throughput of local-cloud, with no InvocationRateLimitPerSecond, against a local HTTP
 * sink answering 200 at once: events put (batches of 10 from several threads) until the sink has received them all.
 *
 * <p>Usage: {@code java ApiDestinationThroughput.java [events] [putThreads]} (see run.sh for the classpath).
 */
public class ApiDestinationThroughput {

    private static final Pattern EVENT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int warmup = Math.min(2_000, events / 5);

        // Delivery is at-least-once: distinct event ids count, repeats (retries after a timeout) are reported apart.
        Set<String> distinct = ConcurrentHashMap.newKeySet();
        AtomicLong received = new AtomicLong();
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        sink.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        sink.createContext("/sink", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher id = EVENT_ID.matcher(body);
            if (id.find()) {
                distinct.add(id.group(1));
            }
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        sink.start();

        try (LocalCloud cloud = LocalCloud.start(LocalCloudSettings.forTests());
             EventBridgeClient eb = client(cloud)) {
            eb.createEventBus(b -> b.name("bench"));
            String connection = eb.createConnection(b -> b.name("bench")
                    .authorizationType(ConnectionAuthorizationType.API_KEY)
                    .authParameters(a -> a.apiKeyAuthParameters(k -> k.apiKeyName("x-api-key").apiKeyValue("bench"))))
                    .connectionArn();
            String destination = eb.createApiDestination(b -> b.name("sink").connectionArn(connection)
                    .invocationEndpoint("http://127.0.0.1:" + sink.getAddress().getPort() + "/sink")
                    .httpMethod("POST")).apiDestinationArn();
            eb.putRule(b -> b.name("to-sink").eventBusName("bench").eventPattern("{\"source\":[\"bench\"]}"));
            eb.putTargets(b -> b.rule("to-sink").eventBusName("bench").targets(Target.builder().id("sink").arn(destination).build()));

            put(eb, warmup, threads);
            await(distinct, warmup);

            long start = System.nanoTime();
            put(eb, events, threads);
            long putDone = System.nanoTime();
            await(distinct, warmup + events);
            long end = System.nanoTime();

            double seconds = (end - start) / 1e9;
            System.out.printf("events=%d putThreads=%d cores=%d load-average=%.1f (other processes share the cores)%n",
                    events, threads, Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("PutEvents accepted in %.2f s (%.0f events/s)%n", (putDone - start) / 1e9,
                    events / ((putDone - start) / 1e9));
            System.out.printf("API-destination delivery: %d events in %.2f s = %.0f events/s (%d repeated deliveries)%n",
                    events, seconds, events / seconds, received.get() - distinct.size());
        } finally {
            sink.stop(0);
        }
    }

    private static EventBridgeClient client(LocalCloud cloud) {
        return EventBridgeClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
                .build();
    }

    private static void put(EventBridgeClient eb, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        int perThread = count / threads;
        for (int t = 0; t < threads; t++) {
            int share = t == threads - 1 ? count - perThread * (threads - 1) : perThread;
            work.add(pool.submit(() -> {
                for (int sent = 0; sent < share; sent += 10) {
                    int batch = Math.min(10, share - sent);
                    List<PutEventsRequestEntry> entries = new ArrayList<>();
                    for (int i = 0; i < batch; i++) {
                        entries.add(PutEventsRequestEntry.builder().eventBusName("bench").source("bench")
                                .detailType("Bench").detail("{\"n\":" + (sent + i) + "}").build());
                    }
                    PutEventsResponse response = eb.putEvents(b -> b.entries(entries));
                    if (response.failedEntryCount() > 0) {
                        throw new IllegalStateException("PutEvents failed: " + response.entries());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
    }

    private static void await(Set<String> received, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (received.size() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + received.size() + " of " + expected + " arrived");
            }
            Thread.sleep(5);
        }
    }
}
