package io.eventgate.localcloud.events.apidestination;

import io.eventgate.localcloud.edge.AwsJsonService.Operation;
import io.eventgate.localcloud.events.connection.Connections;
import io.eventgate.localcloud.events.delivery.TargetDelivery;
import io.eventgate.localcloud.state.StateStore;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Connections and API destinations, assembled: their control-plane operations for the EventBridge service and the
 * delivery strategy for API-destination targets, sharing one HTTP client towards partners.
 */
public final class ApiDestinationFeature implements AutoCloseable {

    private final ExecutorService httpThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;
    private final Connections connections;
    private final ApiDestinations destinations;
    private final DeliveryAttempts attempts = new DeliveryAttempts();
    private final ApiDestinationTargetDelivery delivery;

    public ApiDestinationFeature(String region, String accountId, Clock clock) {
        this(region, accountId, clock, StateStore.inMemory());
    }

    public ApiDestinationFeature(String region, String accountId, Clock clock, StateStore state) {
        // 3xx counts as delivered, as on AWS: redirects are not followed.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(ApiDestinationInvoker.TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpThreads)
                .build();
        this.connections = new Connections(region, accountId, clock, http, state);
        this.destinations = new ApiDestinations(region, accountId, clock, connections, state);
        this.delivery = new ApiDestinationTargetDelivery(
                new ApiDestinationInvoker(destinations, connections, http, clock, attempts));
    }

    /** CreateConnection ... ListConnections and CreateApiDestination ... ListApiDestinations. */
    public Map<String, Operation> operations() {
        Map<String, Operation> all = new HashMap<>(connections.operations());
        all.putAll(destinations.operations());
        return all;
    }

    /** The strategy delivering to targets whose ARN is an API destination. */
    public TargetDelivery targetDelivery() {
        return delivery;
    }

    /** Attempts per destination and outcome so far. */
    public DeliveryAttempts attempts() {
        return attempts;
    }

    @Override
    public void close() {
        delivery.close();
        http.shutdownNow();
        httpThreads.shutdownNow();
    }
}
