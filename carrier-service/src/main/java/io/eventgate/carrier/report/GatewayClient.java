package io.eventgate.carrier.report;

import io.eventgate.contracts.TraceParent;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POSTs report envelopes to the gateway route with the carrier's gateway API key. Plain HTTP, no AWS SDK. */
@Component
class GatewayClient implements AutoCloseable {

    static final String API_KEY_HEADER = "x-api-key";
    private static final int MAX_REASON_LENGTH = 300;

    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final GatewaySettings settings;
    private final Clock clock;
    private final JsonMapper json;
    private final HttpClient http;

    GatewayClient(GatewaySettings settings, Clock clock, JsonMapper json) {
        this.settings = settings;
        this.clock = clock;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends one envelope. Never throws for a gateway or network failure: the answer says whether to retry.
     *
     * @throws InterruptedException when the sender is being stopped
     */
    GatewayResponse send(String body, Optional<TraceParent> trace) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.url())
                .timeout(settings.requestTimeout())
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .header(API_KEY_HEADER, settings.apiKey());
        // The order's trace, as a W3C header too (the body's metadata carries the same): the gateway passes it on.
        trace.ifPresent(context -> builder.header(TraceParent.FIELD, context.toString()));
        HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // connection refused, reset, timeout: the gateway may well be back soon
            return new GatewayResponse.Retryable("network: " + describe(e), Optional.empty());
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new GatewayResponse.Accepted(status, eventId(response.body()));
        }
        String reason = "HTTP " + status + excerpt(response.body());
        if (status == 408 || status == 429 || status >= 500) {
            var retryAfter = RetryAfter.parse(response.headers().firstValue(HttpHeaders.RETRY_AFTER).orElse(null),
                    clock.instant());
            return new GatewayResponse.Retryable(reason, retryAfter);
        }
        return new GatewayResponse.Refused(reason);
    }

    /** The gateway answers {@code {"eventId":"..."}}: the id the bus gave the event (what its delivery log names). */
    private String eventId(String body) {
        try {
            JsonNode id = json.readTree(body == null ? "" : body).path("eventId");
            return id.isString() && EVENT_ID.matcher(id.asString()).matches() ? id.asString() : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return ": " + (flat.length() > MAX_REASON_LENGTH ? flat.substring(0, MAX_REASON_LENGTH) + "..." : flat);
    }

    @Override
    public void close() {
        http.close();
    }
}
