package io.eventgate.localcloud.apigateway.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One resource of a REST API.
 *
 * @param parentId empty for the root resource
 * @param pathPart the last path segment, e.g. {@code orders}, {@code {id}} or {@code {proxy+}}; empty for the root
 * @param path     the full path, e.g. {@code /orders/{id}}
 * @param methods  by HTTP method ({@code GET}, ..., {@code ANY})
 */
public record ApiResource(String id, Optional<String> parentId, String pathPart, String path,
                          Map<String, Method> methods) {

    public ApiResource {
        methods = Map.copyOf(methods);
    }

    public Optional<Method> method(String httpMethod) {
        return Optional.ofNullable(methods.get(httpMethod));
    }

    public ApiResource withMethod(Method method) {
        return new ApiResource(id, parentId, pathPart, path, Maps.with(methods, method.httpMethod(), method));
    }

    public ApiResource withoutMethod(String httpMethod) {
        return new ApiResource(id, parentId, pathPart, path, Maps.without(methods, List.of(httpMethod)));
    }
}
