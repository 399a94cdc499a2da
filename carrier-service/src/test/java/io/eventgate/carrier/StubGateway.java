package io.eventgate.carrier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the gateway route: records every POST and answers from a script, then with 200. The HTTP peer is
 * the one thing in these tests no emulator provides.
 */
public final class StubGateway implements AutoCloseable {

    /** One request as the gateway saw it; header names in lower case. */
    public record Request(Instant at, String method, String path, Map<String, String> headers, String body) {
    }

    /** One scripted answer. */
    public record Reply(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private StubGateway(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    public static StubGateway start() {
        try {
            return new StubGateway(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The route URL, in local-cloud's form. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/_aws/execute-api/eventgate/local/events");
    }

    /** Answers the next request with this status (and headers as name, value pairs). */
    public StubGateway thenReply(int status, String... headerPairs) {
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], headerPairs[i + 1]);
        }
        script.add(new Reply(status, headers, "{\"message\":\"scripted " + status + "\"}"));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests whose body mentions the order. */
    public List<Request> requestsFor(String orderId) {
        return requests.stream().filter(r -> r.body().contains("\"orderId\":\"" + orderId + "\"")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
            requests.add(new Request(Instant.now(), exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    headers, body));
            Reply reply = script.poll();
            if (reply == null) {
                // what the gateway answers when it took the event: the id the bus gave it
                reply = new Reply(200, Map.of(), "{\"eventId\":\"" + java.util.UUID.randomUUID() + "\"}");
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
