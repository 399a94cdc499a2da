package io.eventgate.localcloud.edge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A service served by a backend on a loopback port (DynamoDB Local, ElasticMQ): requests are passed through unchanged.
 */
public final class ForwardingService implements EdgeService {

    /** SQS long polls may wait 20 s; anything slower than this is a broken backend. */
    private static final Duration BACKEND_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Predicate<EdgeRequest> accepts;
    private final URI backend;
    private final HttpClient client;
    private final BooleanSupplier health;

    public ForwardingService(String name, Predicate<EdgeRequest> accepts, URI backend, HttpClient client,
                             BooleanSupplier health) {
        this.name = name;
        this.accepts = accepts;
        this.backend = backend;
        this.client = client;
        this.health = health;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean accepts(EdgeRequest request) {
        return accepts.test(request);
    }

    @Override
    public boolean healthy() {
        return health.getAsBoolean();
    }

    @Override
    public EdgeResponse handle(EdgeRequest request) throws IOException, InterruptedException {
        String target = backend.toString() + request.path() + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target))
                .timeout(BACKEND_TIMEOUT)
                .method(request.method(), request.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        HopHeaders.forward(request.headers(), builder);
        HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new EdgeResponse(response.statusCode(), HopHeaders.answered(response.headers()), response.body());
    }
}
