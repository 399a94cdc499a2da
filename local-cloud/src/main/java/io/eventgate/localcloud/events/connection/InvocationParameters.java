package io.eventgate.localcloud.events.connection;

import java.util.List;

/**
 * A connection's {@code InvocationHttpParameters} (or an OAuth connection's {@code OAuthHttpParameters}): extra
 * headers, query string and body parameters sent with every call.
 */
record InvocationParameters(List<Parameter> headers, List<Parameter> queryString, List<Parameter> body) {

    static final InvocationParameters NONE = new InvocationParameters(List.of(), List.of(), List.of());

    InvocationParameters {
        headers = List.copyOf(headers);
        queryString = List.copyOf(queryString);
        body = List.copyOf(body);
    }

    boolean isEmpty() {
        return headers.isEmpty() && queryString.isEmpty() && body.isEmpty();
    }
}
