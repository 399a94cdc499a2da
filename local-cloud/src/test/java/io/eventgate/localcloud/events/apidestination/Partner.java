package io.eventgate.localcloud.events.apidestination;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for the partner: records every request and answers each path from a script of
 * responses (then 200). A scripted response may hang, to play an endpoint that never answers, or come late.
 */
final class Partner implements AutoCloseable {

    record Request(String method, String path, String query, Headers headers, String body, long receivedNanos) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    record Response(int status, Map<String, String> headers, String body, boolean hang, Duration delay) {
        Response(int status, Map<String, String> headers, String body, boolean hang) {
            this(status, headers, body, hang, Duration.ZERO);
        }

        static Response status(int status) {
            return new Response(status, Map.of(), "", false);
        }

        /** The same answer, sent only after a pause: an endpoint that is slow but does answer. */
        Response after(Duration pause) {
            return new Response(status, headers, body, hang, pause);
        }

        static Response hanging() {
            return new Response(0, Map.of(), "", true);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Response>> scripts = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    Partner() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to {@code path} get these answers, in order; later ones get 200. */
    void script(String path, Response... responses) {
        scripts.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(responses));
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(), body, System.nanoTime()));
        Queue<Response> script = scripts.get(path);
        Response response = script == null ? null : script.poll();
        if (response == null) {
            response = Response.status(200);
        }
        if (!response.delay().isZero()) {
            try {
                closing.await(response.delay().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (response.hang()) {
            try {
                closing.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        response.headers().forEach(exchange.getResponseHeaders()::add);
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
