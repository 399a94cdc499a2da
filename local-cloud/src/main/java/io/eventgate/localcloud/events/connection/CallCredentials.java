package io.eventgate.localcloud.events.connection;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one call through a connection carries: the authorization header and the connection's invocation headers,
 * query string and body parameters. The values include secrets: {@link #toString()} names only the keys.
 */
public final class CallCredentials {

    private final Map<String, String> headers;
    private final Map<String, String> queryParameters;
    private final Map<String, String> bodyParameters;

    private CallCredentials(Map<String, String> headers, Map<String, String> queryParameters,
                            Map<String, String> bodyParameters) {
        this.headers = Map.copyOf(headers);
        this.queryParameters = Map.copyOf(queryParameters);
        this.bodyParameters = Map.copyOf(bodyParameters);
    }

    static CallCredentials of(Connection connection, OAuthTokens tokens) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> body = new LinkedHashMap<>();
        InvocationParameters extra = connection.invocationParameters();
        extra.headers().forEach(p -> headers.put(p.key(), p.value().reveal()));
        extra.queryString().forEach(p -> query.put(p.key(), p.value().reveal()));
        extra.body().forEach(p -> body.put(p.key(), p.value().reveal()));
        // The authorization is put last so that no invocation parameter can replace it.
        switch (connection.auth()) {
            case ConnectionAuth.ApiKey key -> headers.put(key.name(), key.value().reveal());
            case ConnectionAuth.Basic basic -> headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (basic.username() + ":" + basic.password().reveal()).getBytes(StandardCharsets.UTF_8)));
            case ConnectionAuth.OAuthClientCredentials oauth ->
                    headers.put("Authorization", "Bearer " + tokens.token(connection.arn(), oauth).reveal());
        }
        return new CallCredentials(headers, query, body);
    }

    /** Headers to send; a header of the same name from the target's parameters must give way to these. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Query string parameters to send; they win over the target's. */
    public Map<String, String> queryParameters() {
        return queryParameters;
    }

    /** Body parameters to merge into a JSON object body; they win over the event's fields. */
    public Map<String, String> bodyParameters() {
        return bodyParameters;
    }

    @Override
    public String toString() {
        return "CallCredentials[headers=" + headers.keySet() + ", query=" + queryParameters.keySet() + ", body="
                + bodyParameters.keySet() + "]";
    }
}
