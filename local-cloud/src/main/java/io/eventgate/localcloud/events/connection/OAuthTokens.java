package io.eventgate.localcloud.events.connection;

import io.eventgate.localcloud.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * OAuth client-credentials tokens, one per connection: fetched from the authorization endpoint, reused until a
 * minute before they expire (as EventBridge refreshes proactively), and fetched again after the endpoint answered
 * 401 or 407.
 */
final class OAuthTokens {

    private static final Logger log = LoggerFactory.getLogger(OAuthTokens.class);
    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofSeconds(60);
    /** When the authorization server does not say how long a token lives. */
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private record Token(Secret value, Instant expiresAt) {
    }

    private final HttpClient http;
    private final Clock clock;
    private final ConcurrentMap<String, Token> byConnection = new ConcurrentHashMap<>();

    OAuthTokens(HttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** A valid token for the connection; concurrent callers share one fetch. */
    Secret token(String connectionArn, ConnectionAuth.OAuthClientCredentials oauth) {
        Token token = byConnection.compute(connectionArn, (arn, cached) ->
                cached != null && clock.instant().plus(REFRESH_BEFORE_EXPIRY).isBefore(cached.expiresAt())
                        ? cached : fetch(arn, oauth));
        return token.value();
    }

    void forget(String connectionArn) {
        byConnection.remove(connectionArn);
    }

    private Token fetch(String connectionArn, ConnectionAuth.OAuthClientCredentials oauth) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        oauth.oauthParameters().body().forEach(p -> form.put(p.key(), p.value().reveal()));
        Map<String, String> query = new LinkedHashMap<>();
        oauth.oauthParameters().queryString().forEach(p -> query.put(p.key(), p.value().reveal()));
        URI uri = withQuery(oauth.authorizationEndpoint(), query);
        String basic = Base64.getEncoder().encodeToString(
                (oauth.clientId() + ":" + oauth.clientSecret().reveal()).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json");
        oauth.oauthParameters().headers().forEach(p -> request.header(p.key(), p.value().reveal()));
        if ("GET".equals(oauth.httpMethod())) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(oauth.httpMethod(), HttpRequest.BodyPublishers.ofString(encode(form)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AuthorizationFailedException("The authorization endpoint of " + connectionArn
                        + " answered HTTP " + response.statusCode());
            }
            JsonNode body = Json.parse(response.body());
            JsonNode accessToken = body.get("access_token");
            if (accessToken == null || !accessToken.isString() || accessToken.asString().isEmpty()) {
                throw new AuthorizationFailedException("The authorization endpoint of " + connectionArn
                        + " returned no access_token");
            }
            JsonNode expiresIn = body.get("expires_in");
            Duration lifetime = expiresIn != null && expiresIn.canConvertToLong()
                    ? Duration.ofSeconds(expiresIn.asLong()) : DEFAULT_LIFETIME;
            log.info("Fetched an OAuth token for {} from {} (valid {} s)", connectionArn,
                    oauth.authorizationEndpoint().getHost(), lifetime.toSeconds());
            return new Token(new Secret(accessToken.asString()), clock.instant().plus(lifetime));
        } catch (IOException | JacksonException e) {
            throw new AuthorizationFailedException("No OAuth token for " + connectionArn + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthorizationFailedException("Interrupted while fetching an OAuth token", e);
        }
    }

    private static URI withQuery(URI uri, Map<String, String> query) {
        if (query.isEmpty()) {
            return uri;
        }
        String separator = uri.getRawQuery() == null ? "?" : "&";
        return URI.create(uri + separator + encode(query));
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
