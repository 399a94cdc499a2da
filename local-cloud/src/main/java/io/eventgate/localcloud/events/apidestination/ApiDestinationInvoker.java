package io.eventgate.localcloud.events.apidestination;

import io.eventgate.localcloud.events.connection.AuthorizationFailedException;
import io.eventgate.localcloud.events.connection.CallCredentials;
import io.eventgate.localcloud.events.connection.Connections;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Invokes API destinations as EventBridge does: waits for the destination's rate limit, sends one HTTP request
 * with a 5 s timeout, and classifies the answer for the retry policy. One structured log line and one counter
 * increment per attempt ({@link DeliveryAttempts}). Thread-safe; blocks the calling (virtual) thread.
 */
public final class ApiDestinationInvoker {

    /** EventBridge gives an endpoint 5 seconds to answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /**
     * Calls open at once to one destination. Without a cap, a burst to an unlimited destination would open one socket
     * per event; beyond it, calls queue fairly (in arrival order) instead of failing. Per destination, so that a hung
     * partner holds up only its own events.
     */
    private static final int MAX_CONCURRENT_CALLS = 128;

    private final ApiDestinations destinations;
    private final Connections connections;
    private final HttpClient http;
    private final Clock clock;
    private final DeliveryAttempts attempts;
    private final ConcurrentMap<String, InvocationRateLimiter> limiters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Semaphore> calls = new ConcurrentHashMap<>();

    public ApiDestinationInvoker(ApiDestinations destinations, Connections connections, HttpClient http, Clock clock,
                                 DeliveryAttempts attempts) {
        this.destinations = destinations;
        this.connections = connections;
        this.http = http;
        this.clock = clock;
        this.attempts = attempts;
    }

    /** One attempt; never throws for a failure of the endpoint, the connection or the network. */
    public InvocationResult invoke(Invocation invocation) throws InterruptedException {
        Optional<ApiDestination> found = destinations.find(invocation.destinationArn());
        if (found.isEmpty()) {
            return attempts.record(invocation, 0, new InvocationResult.Failed(0, false, "NO_RESOURCE",
                    "API destination " + invocation.destinationArn() + " does not exist", Optional.empty()));
        }
        ApiDestination destination = found.get();
        Optional<InvocationResult> expired = awaitRateLimit(destination, invocation);
        if (expired.isPresent()) {
            return attempts.record(invocation, 0, expired.get());
        }
        Semaphore open = calls.computeIfAbsent(destination.arn(), arn -> new Semaphore(MAX_CONCURRENT_CALLS, true));
        open.acquire();
        try {
            long started = System.nanoTime();
            InvocationResult result = send(destination, invocation);
            return attempts.record(invocation, System.nanoTime() - started, result);
        } finally {
            open.release();
        }
    }

    private Optional<InvocationResult> awaitRateLimit(ApiDestination destination, Invocation invocation)
            throws InterruptedException {
        if (destination.rateLimitPerSecond().isEmpty()) {
            return Optional.empty();
        }
        InvocationRateLimiter limiter = limiters.computeIfAbsent(destination.arn(),
                arn -> new InvocationRateLimiter(System::nanoTime));
        long maxWait = Math.max(0, Duration.between(clock.instant(), invocation.deadline()).toNanos());
        OptionalLong wait = limiter.reserve(destination.rateLimitPerSecond().getAsInt(), maxWait);
        if (wait.isEmpty()) {
            return Optional.of(new InvocationResult.Failed(0, false, "THROTTLING",
                    "The event reached its maximum age while waiting for the InvocationRateLimitPerSecond of "
                            + destination.name(), Optional.empty()));
        }
        if (wait.getAsLong() > 0) {
            TimeUnit.NANOSECONDS.sleep(wait.getAsLong());
        }
        return Optional.empty();
    }

    private InvocationResult send(ApiDestination destination, Invocation invocation) throws InterruptedException {
        if (!connections.exists(destination.connectionArn())) {
            // Retrying cannot bring a deleted connection back: straight to the DLQ, as for a missing target.
            return new InvocationResult.Failed(0, false, "NO_RESOURCE", "Connection " + destination.connectionArn()
                    + " of API destination " + destination.name() + " does not exist", Optional.empty());
        }
        CallCredentials credentials;
        try {
            credentials = connections.credentials(destination.connectionArn());
        } catch (AuthorizationFailedException e) {
            return new InvocationResult.Failed(0, true, "AUTHORIZATION_FAILURE", e.getMessage(), Optional.empty());
        }
        HttpRequest request;
        try {
            request = InvocationRequests.build(destination, invocation, credentials, TIMEOUT);
        } catch (IllegalArgumentException e) {
            return new InvocationResult.Failed(0, false, "INVALID_PARAMETER", e.getMessage(), Optional.empty());
        }
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            HttpResponse<Void> response = exchange.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            InvocationResult result = classify(response.statusCode(), response.headers(), request.uri());
            if (response.statusCode() == 401 || response.statusCode() == 407) {
                connections.rejectedCredentials(destination.connectionArn());
            }
            return result;
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return timeout(request.uri());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                return timeout(request.uri());
            }
            return new InvocationResult.Failed(0, true, "CONNECTION_FAILURE", "Unable to invoke ApiDestination "
                    + "endpoint " + redacted(request.uri()) + ": " + e.getCause(), Optional.empty());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        }
    }

    private InvocationResult classify(int status, HttpHeaders headers, URI uri) {
        if (status < 400) {
            return new InvocationResult.Delivered(status);
        }
        boolean retryable = status == 401 || status == 407 || status == 409 || status == 429 || status >= 500;
        String code = status == 429 ? "THROTTLING" : "SDK_CLIENT_ERROR";
        return new InvocationResult.Failed(status, retryable, code, "Unable to invoke ApiDestination endpoint "
                + redacted(uri) + ": the endpoint responded with HTTP " + status,
                retryable ? RetryAfter.parse(headers.firstValue("Retry-After"), clock) : Optional.empty());
    }

    private static InvocationResult timeout(URI uri) {
        return new InvocationResult.Failed(0, true, "TIMEOUT", "Unable to invoke ApiDestination endpoint "
                + redacted(uri) + ": no response within " + TIMEOUT.toSeconds() + " s", Optional.empty());
    }

    /** The URL without its query string: connection query parameters may be secrets. */
    private static String redacted(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }
}
