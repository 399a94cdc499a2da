package io.eventgate.localcloud.edge;

import io.eventgate.localcloud.json.Json;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each request to the first service that accepts it; answers the health endpoint itself; turns anything no
 * service takes, and any failure, into AWS's error shape for the request's protocol.
 */
public final class EdgeRouter {

    /** {@code GET} here reports every service's state. */
    public static final String HEALTH_PATH = "/_localcloud/health";

    private static final Logger log = LoggerFactory.getLogger(EdgeRouter.class);
    /** The services whose requests local-cloud routes (by SigV4 signing name). */
    private static final java.util.Set<String> SERVED = java.util.Set.of("dynamodb", "sqs", "events", "apigateway",
            "execute-api");

    private final List<EdgeService> services = new CopyOnWriteArrayList<>();
    private final WriteBarrier durability;

    public EdgeRouter() {
        this(WriteBarrier.NONE);
    }

    /** @param durability what every answer waits for: the request's state changes are on disk */
    public EdgeRouter(WriteBarrier durability) {
        this.durability = durability;
    }

    /** Adds a service; earlier services are asked first. */
    public void register(EdgeService service) {
        services.add(service);
    }

    public List<EdgeService> services() {
        return List.copyOf(services);
    }

    public EdgeResponse route(EdgeRequest request) {
        if (HEALTH_PATH.equals(request.path())) {
            return health();
        }
        for (EdgeService service : services) {
            if (service.accepts(request)) {
                return invoke(service, request);
            }
        }
        return unknown(request);
    }

    private EdgeResponse invoke(EdgeService service, EdgeRequest request) {
        EdgeResponse response = handle(service, request);
        try {
            durability.awaitWrites();
        } catch (IOException e) {
            log.error("{} {} {}: the change could not be stored, so it is not acknowledged: {}", service.name(),
                    request.method(), request.path(), e.getMessage());
            return AwsErrors.forRequest(request, 500, "InternalFailure",
                    "local-cloud could not store the change in its data directory (see its log)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AwsErrors.forRequest(request, 503, "ServiceUnavailable", "local-cloud is shutting down");
        }
        return response;
    }

    private EdgeResponse handle(EdgeService service, EdgeRequest request) {
        try {
            return service.handle(request);
        } catch (java.io.UncheckedIOException e) {
            log.error("{} could not store a change on {} {}: {}", service.name(), request.method(), request.path(),
                    e.getMessage());
            return AwsErrors.forRequest(request, 500, "InternalFailure",
                    "local-cloud could not store the change in its data directory (see its log)");
        } catch (AwsException e) {
            return AwsErrors.forRequest(request, e.status(), e.errorCode(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AwsErrors.forRequest(request, 503, "ServiceUnavailable", "local-cloud is shutting down");
        } catch (Exception e) {
            // A bug or a dead backend: the caller gets AWS's InternalFailure, the log gets the cause.
            log.error("{} failed on {} {}", service.name(), request.method(), request.path(), e);
            return AwsErrors.forRequest(request, 500, "InternalFailure",
                    "local-cloud's " + service.name() + " service failed: " + e.getClass().getSimpleName());
        }
    }

    private EdgeResponse health() {
        var body = Json.object();
        var states = body.putObject("services");
        boolean allUp = true;
        for (EdgeService service : services) {
            boolean up = service.healthy();
            allUp &= up;
            states.put(service.name(), up ? "UP" : "DOWN");
        }
        body.put("status", allUp ? "UP" : "DOWN");
        return EdgeResponse.of(allUp ? 200 : 503, "application/json", Json.bytes(body));
    }

    /**
     * A request no service takes, answered in the shape of the protocol it speaks, as AWS answers: a JSON-protocol
     * request with a missing, empty or unknown {@code X-Amz-Target} → 400 {@code UnknownOperationException}; a query
     * request → 400 {@code MissingAction} or {@code InvalidAction}; a REST request signed for an AWS service
     * local-cloud does not serve → 501 {@code NotImplemented} naming it; any other path → 404
     * {@code UnknownOperationException}.
     */
    private EdgeResponse unknown(EdgeRequest request) {
        String service = AwsRequests.signingService(request).orElse("unknown");
        Optional<String> target = request.header("X-Amz-Target").map(String::trim);
        if (target.isPresent() || request.mediaType().startsWith("application/x-amz-json")) {
            String named = target.orElse("");
            log.warn("No local-cloud service implements target '{}' (service {})", named, service);
            return AwsErrors.forJson(request, 400, "UnknownOperationException", named.isEmpty()
                    ? "The request names no operation: its X-Amz-Target header is " + (target.isPresent()
                            ? "empty" : "missing")
                    : "Operation " + named + " is not implemented by local-cloud");
        }
        if ("application/x-www-form-urlencoded".equals(request.mediaType())
                || request.queryParameters().containsKey("Action")) {
            Optional<String> action = AwsRequests.queryAction(request).filter(a -> !a.isBlank());
            log.warn("No local-cloud service implements query action '{}' (service {})", action.orElse(""), service);
            return action.isEmpty()
                    ? AwsErrors.queryXml(400, "MissingAction", "The request must contain the parameter Action.")
                    : AwsErrors.queryXml(400, "InvalidAction", "The action " + action.get() + " of service "
                            + service + " is not valid for this endpoint: local-cloud does not implement it");
        }
        String operation = request.method() + " " + request.path();
        if (AwsRequests.signingService(request).filter(s -> !SERVED.contains(s)).isPresent()) {
            log.warn("local-cloud does not serve {} ({} was called)", service, operation);
            return AwsErrors.restJson(501, "NotImplemented",
                    "Operation " + operation + " of service " + service + " is not implemented by local-cloud");
        }
        log.warn("No local-cloud operation at {} (service {})", operation, service);
        return AwsErrors.restJson(404, "UnknownOperationException",
                "No operation is served at " + operation + " (service " + service + ")");
    }
}
