package io.eventgate.infra.trace;

import io.eventgate.infra.aws.JsonDocs;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads what the running stack knows about an order over plain HTTP: orders-service (its operator credential),
 * carrier-service's back office (its credential) and local-cloud's delivery log. Credentials come from the caller's
 * environment and go only into the {@code Authorization} header.
 */
public final class StackClient implements AutoCloseable {

    /** Where each part of the stack answers, and the credentials to read it (absent: none sent). */
    public record Endpoints(URI orders, Optional<String> operatorUser, Optional<String> operatorPassword, URI carrier,
            Optional<String> backOfficeUser, Optional<String> backOfficePassword, URI localCloud) {
    }

    /** A part of the stack did not answer, or answered an error. */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message);
        }
    }

    private final Endpoints endpoints;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public StackClient(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** orders-service's {@code GET /orders/{id}/journey}; empty when there is no such order. */
    Optional<JsonNode> ordersJourney(String orderId, Iterable<String> carrierEventIds) {
        StringBuilder query = new StringBuilder();
        carrierEventIds.forEach(id -> query.append(query.isEmpty() ? "?" : "&").append("event=").append(encode(id)));
        return get("orders-service", endpoints.orders().resolve("/orders/" + encode(orderId) + "/journey" + query),
                endpoints.operatorUser(), endpoints.operatorPassword());
    }

    /** carrier-service's {@code GET /shipments/{orderId}}; empty when the carrier has no shipment for the order. */
    Optional<JsonNode> shipment(String orderId) {
        return get("carrier-service", endpoints.carrier().resolve("/shipments/" + encode(orderId)),
                endpoints.backOfficeUser(), endpoints.backOfficePassword());
    }

    /** local-cloud's delivery attempts of one event; empty when the edge keeps no delivery log (AWS, LocalStack). */
    Optional<JsonNode> deliveries(String eventId) {
        try {
            return get("local-cloud", endpoints.localCloud().resolve("/_localcloud/deliveries?eventId=" + encode(eventId)),
                    Optional.empty(), Optional.empty());
        } catch (Unreachable notLocalCloud) {
            return Optional.empty();
        }
    }

    private Optional<JsonNode> get(String what, URI uri, Optional<String> user, Optional<String> password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json");
        password.ifPresent(secret -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user.orElse("") + ":" + secret).getBytes(StandardCharsets.UTF_8))));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreachable(what + " at " + uri.resolve("/") + " does not answer (" + e.getClass().getSimpleName()
                    + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new Unreachable(what + " refused to tell (HTTP " + response.statusCode() + "): set its credential in"
                    + " the environment (see ./eventgate help)");
        }
        if (response.statusCode() != 200) {
            throw new Unreachable(what + " answered HTTP " + response.statusCode() + " for " + uri.getPath());
        }
        return Optional.of(JsonDocs.read(response.body()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}
