package io.eventgate.localcloud.apigateway.execute;

import io.eventgate.localcloud.edge.HopHeaders;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code HTTP} and {@code HTTP_PROXY} integrations: a call to the integration's URL. */
final class HttpBackend {

    private static final Logger log = LoggerFactory.getLogger(HttpBackend.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9._-]+)\\+?}");

    private final HttpClient client;

    HttpBackend(HttpClient client) {
        this.client = client;
    }

    /**
     * Calls the backend.
     *
     * @param uri        the integration URI; {@code {name}} placeholders take the integration path parameters
     * @param rawQuery   query string to append as it is (HTTP_PROXY passes the caller's through), may be empty
     * @param headers    headers to send, already filtered by the caller
     */
    BackendResponse call(String httpMethod, String uri, Map<String, String> pathParams, String rawQuery,
                         Map<String, String> query, Map<String, List<String>> headers, byte[] body, int timeoutMillis,
                         Invocation invocation) {
        URI target = target(uri, pathParams, rawQuery, query);
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(Duration.ofMillis(timeoutMillis))
                .method(httpMethod, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        HopHeaders.forward(headers, builder);
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new BackendResponse(response.statusCode(), HopHeaders.answered(response.headers()), response.body());
        } catch (HttpTimeoutException e) {
            log.warn("Request {}: integration {} {} timed out after {} ms", invocation.requestId, httpMethod, target,
                    timeoutMillis);
            throw GatewayException.timeout();
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Request {}: integration {} {} failed: {}", invocation.requestId, httpMethod, target,
                    e.toString());
            throw GatewayException.internalError();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GatewayException.internalError();
        }
    }

    private static URI target(String uri, Map<String, String> pathParams, String rawQuery, Map<String, String> query) {
        Matcher m = PLACEHOLDER.matcher(uri);
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            String value = pathParams.getOrDefault(m.group(1), "");
            boolean greedy = m.group().endsWith("+}");
            m.appendReplacement(url, Matcher.quoteReplacement(greedy ? encodePath(value) : encode(value)));
        }
        m.appendTail(url);
        String extra = query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String fullQuery = rawQuery.isEmpty() ? extra : extra.isEmpty() ? rawQuery : rawQuery + "&" + extra;
        if (!fullQuery.isEmpty()) {
            url.append(url.indexOf("?") < 0 ? '?' : '&').append(fullQuery);
        }
        return URI.create(url.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String value) {
        return String.join("/", java.util.Arrays.stream(value.split("/", -1)).map(HttpBackend::encode).toList());
    }
}
