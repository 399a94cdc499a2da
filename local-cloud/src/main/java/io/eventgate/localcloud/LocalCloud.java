package io.eventgate.localcloud;

import io.eventgate.localcloud.apigateway.ApiGatewayService;
import io.eventgate.localcloud.dynamodb.DynamoDbLocalBackend;
import io.eventgate.localcloud.edge.EdgeRouter;
import io.eventgate.localcloud.edge.EdgeServer;
import io.eventgate.localcloud.events.EventBridge;
import io.eventgate.localcloud.events.delivery.DeliveryLogService;
import io.eventgate.localcloud.events.delivery.DeliverySettings;
import io.eventgate.localcloud.sqs.ElasticMqBackend;
import io.eventgate.localcloud.state.DataDirectory;
import io.eventgate.localcloud.state.StateStore;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running local-cloud: every AWS API eventgate uses, on one edge endpoint.
 *
 * <pre>{@code
 * try (LocalCloud cloud = LocalCloud.start(LocalCloudSettings.forTests())) {
 *     DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(cloud.endpoint()) ... ;
 * }
 * }</pre>
 *
 * Thread-safe; {@link #close()} stops every service and frees the port.
 */
public final class LocalCloud implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalCloud.class);

    private final LocalCloudSettings settings;
    private final EdgeServer edge;
    private final Deque<AutoCloseable> resources;

    private LocalCloud(LocalCloudSettings settings, EdgeServer edge, Deque<AutoCloseable> resources) {
        this.settings = settings;
        this.edge = edge;
        this.resources = resources;
    }

    /**
     * Starts every service and returns once the edge answers requests.
     *
     * @throws IllegalStateException when the port is taken or a service cannot start (the message says which)
     */
    public static LocalCloud start(LocalCloudSettings settings) {
        long started = System.nanoTime();
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            Optional<DataDirectory> data = Optional.empty();
            if (settings.dataDirectory().isPresent()) {
                data = Optional.of(DataDirectory.open(settings.dataDirectory().get()));
                resources.push(data.get());
            }
            Optional<java.nio.file.Path> sqsDirectory = data.isPresent()
                    ? Optional.of(data.get().directory("sqs")) : Optional.empty();
            // The edge waits for state writes; the state itself is read below, while the backends start.
            java.util.concurrent.atomic.AtomicReference<StateStore> stateRef =
                    new java.util.concurrent.atomic.AtomicReference<>(StateStore.inMemory());
            EdgeRouter router = new EdgeRouter(() -> stateRef.get().awaitWrites());
            EdgeServer edge = openEdge(settings, router);
            resources.push(edge);
            int port = edge.port();

            ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor();
            resources.push(starter::shutdownNow);
            var dynamo = CompletableFuture.supplyAsync(() -> startDynamo(settings), starter);
            var sqs = CompletableFuture.supplyAsync(
                    () -> ElasticMqBackend.start(settings.hostname(), port, settings.region(), settings.accountId(),
                            sqsDirectory),
                    starter);
            StateStore state = StateStore.inMemory();
            if (data.isPresent()) {
                try {
                    state = StateStore.open(data.get().directory("state"), StateStore.Settings.DEFAULTS);
                } catch (IOException | RuntimeException e) {
                    // The backends are starting: let them finish, so that they are stopped with the rest.
                    CompletableFuture.allOf(dynamo, sqs).exceptionally(failure -> null).join();
                    java.util.List.of(dynamo, sqs).stream().filter(f -> !f.isCompletedExceptionally())
                            .forEach(f -> resources.push(f.join()));
                    throw e;
                }
                stateRef.set(state);
                // Closed after every service that writes to it, and before the directory's lock is released.
                resources.removeLastOccurrence(data.get());
                resources.addLast(state);
                resources.addLast(data.get());
            }
            HttpClient backends = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .build();
            resources.push(backends);

            // Wait for both, keep whichever started so that a failure of the other still closes it.
            CompletableFuture.allOf(dynamo, sqs).exceptionally(failure -> null).join();
            for (CompletableFuture<? extends AutoCloseable> backend : java.util.List.of(dynamo, sqs)) {
                if (!backend.isCompletedExceptionally()) {
                    resources.push(backend.join());
                }
            }
            DynamoDbLocalBackend dynamoBackend = unwrap(dynamo);
            ElasticMqBackend sqsBackend = unwrap(sqs).withState(state);
            router.register(dynamoBackend.edgeService(backends, state));
            router.register(sqsBackend.edgeService(backends));
            EventBridge events = EventBridge.start(settings.region(), settings.accountId(), sqsBackend.queues(),
                    sqsBackend.policies()::policy, Clock.systemUTC(), DeliverySettings.DEFAULTS, java.util.List.of(), state);
            resources.push(events);
            router.register(new DeliveryLogService(events.deliveryLog()));
            router.register(events.edgeService());
            router.register(new ApiGatewayService(settings.accountId(), Clock.systemUTC(), router::route, backends,
                    state));

            edge.start();
            LocalCloud cloud = new LocalCloud(settings, edge, resources);
            log.info("local-cloud ready at {} (region {}, account {}, {}) in {} ms; JVM up {} ms", cloud.endpoint(),
                    settings.region(), settings.accountId(), data.map(d -> "state kept in " + d.root())
                            .orElse("in memory"), (System.nanoTime() - started) / 1_000_000,
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            return cloud;
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        } catch (Exception e) {
            closeAll(resources);
            throw new IllegalStateException("local-cloud could not start: " + e.getMessage(), e);
        }
    }

    private static EdgeServer openEdge(LocalCloudSettings settings, EdgeRouter router) throws IOException {
        try {
            return new EdgeServer(settings.bindAddress(), settings.port(), router);
        } catch (IOException e) {
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new IllegalStateException("port " + settings.port() + " on " + settings.bindAddress()
                        + " is already in use: is another local-cloud or LocalStack running? "
                        + "Stop it or start local-cloud with --port", e);
            }
            throw e;
        }
    }

    private static DynamoDbLocalBackend startDynamo(LocalCloudSettings settings) {
        try {
            return DynamoDbLocalBackend.start(settings.dataDirectory().map(java.nio.file.Path::toAbsolutePath));
        } catch (Exception e) {
            throw new CompletionException(new IllegalStateException("DynamoDB Local could not start: " + e, e));
        }
    }

    private static <T> T unwrap(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The edge URL every AWS client points at, e.g. {@code http://localhost:4566}. */
    public URI endpoint() {
        return URI.create("http://" + settings.hostname() + ":" + edge.port());
    }

    /** The port the edge listens on (the real one when started with port 0). */
    public int port() {
        return edge.port();
    }

    public String region() {
        return settings.region();
    }

    public String accountId() {
        return settings.accountId();
    }

    public LocalCloudSettings settings() {
        return settings;
    }

    /** Stops every service, newest first, and frees the port. */
    @Override
    public void close() {
        int port = edge.port();
        closeAll(resources);
        log.info("local-cloud on port {} stopped", port);
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            closeQuietly(resources.pop());
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            log.warn("error while stopping {}: {}", resource.getClass().getSimpleName(), e.toString());
        }
    }
}
