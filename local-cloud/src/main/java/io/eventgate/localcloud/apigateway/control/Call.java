package io.eventgate.localcloud.apigateway.control;

import io.eventgate.localcloud.edge.EdgeRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One control-plane call: the path parameters its route captured, its query and its body document. */
record Call(EdgeRequest request, Map<String, String> params, Input body) {

    String param(String name) {
        return params.get(name);
    }

    Optional<String> query(String name) {
        List<String> values = request.queryParameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    List<String> queryAll(String name) {
        return request.queryParameters().getOrDefault(name, List.of());
    }

    boolean queryFlag(String name) {
        return query(name).map(Boolean::parseBoolean).orElse(false);
    }
}
