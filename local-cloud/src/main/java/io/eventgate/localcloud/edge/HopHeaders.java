package io.eventgate.localcloud.edge;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a call passed on to another HTTP server keeps of the headers: the end-to-end ones. Hop-by-hop headers, and
 * those the JDK client sets itself, stay behind (the edge's forwarding to DynamoDB Local and ElasticMQ, API Gateway's
 * HTTP integrations).
 */
public final class HopHeaders {

    private static final Set<String> HOP = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        HOP.addAll(Set.of("connection", "content-length", "expect", "host", "upgrade", "keep-alive",
                "transfer-encoding", "te", "trailer", "proxy-connection", "proxy-authorization", "proxy-authenticate",
                "http2-settings"));
    }

    private HopHeaders() {
    }

    /** Adds the end-to-end headers of a request to the call passing it on. */
    public static void forward(Map<String, List<String>> headers, HttpRequest.Builder call) {
        headers.forEach((name, values) -> {
            if (!HOP.contains(name)) {
                values.forEach(value -> call.header(name, value));
            }
        });
    }

    /** The end-to-end headers of an answer (HTTP/2 pseudo-headers left out too), by case-insensitive name. */
    public static Map<String, List<String>> answered(HttpHeaders answer) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        answer.map().forEach((name, values) -> {
            if (!HOP.contains(name) && !name.startsWith(":")) {
                headers.put(name, values);
            }
        });
        return headers;
    }
}
