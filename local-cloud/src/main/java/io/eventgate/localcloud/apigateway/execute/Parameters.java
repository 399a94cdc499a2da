package io.eventgate.localcloud.apigateway.execute;

import io.eventgate.localcloud.apigateway.vtl.VtlInput;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates the right-hand side of request and response parameter mappings: {@code 'static'},
 * {@code method.request.{header|querystring|path}.name}, {@code context.a.b}, {@code stageVariables.name}, and in
 * responses {@code integration.response.header.name} and {@code integration.response.body[.JSONPath]}.
 */
final class Parameters {

    private Parameters() {
    }

    static Optional<String> resolve(String expression, Invocation invocation, Optional<BackendResponse> backend) {
        String e = expression.trim();
        if (e.length() >= 2 && e.startsWith("'") && e.endsWith("'")) {
            return Optional.of(e.substring(1, e.length() - 1));
        }
        MethodRequest request = invocation.request;
        if (e.startsWith("method.request.header.")) {
            return request.header(e.substring("method.request.header.".length()));
        }
        if (e.startsWith("method.request.multivalueheader.")) {
            List<String> values = request.headers().get(e.substring("method.request.multivalueheader.".length()));
            return values == null ? Optional.empty() : Optional.of(String.join(",", values));
        }
        if (e.startsWith("method.request.querystring.")) {
            return Optional.ofNullable(request.query().get(e.substring("method.request.querystring.".length())));
        }
        if (e.startsWith("method.request.path.")) {
            return Optional.ofNullable(request.pathParams().get(e.substring("method.request.path.".length())));
        }
        if (e.startsWith("stageVariables.")) {
            return Optional.ofNullable(invocation.stageVariables().get(e.substring("stageVariables.".length())));
        }
        if (e.startsWith("context.")) {
            Object value = invocation.context;
            for (String part : e.substring("context.".length()).split("\\.")) {
                value = value instanceof Map<?, ?> map ? map.get(part) : null;
            }
            return Optional.ofNullable(value).map(String::valueOf);
        }
        if (backend.isPresent() && e.startsWith("integration.response.header.")) {
            return backend.get().header(e.substring("integration.response.header.".length()));
        }
        if (backend.isPresent() && e.equals("integration.response.body")) {
            return Optional.of(backend.get().bodyText());
        }
        if (backend.isPresent() && e.startsWith("integration.response.body.")) {
            String json = new VtlInput(backend.get().bodyText(), Map.of())
                    .json("$." + e.substring("integration.response.body.".length()));
            return json.equals("null") ? Optional.empty() : Optional.of(unquote(json));
        }
        return Optional.empty();
    }

    private static String unquote(String json) {
        return json.length() >= 2 && json.startsWith("\"") && json.endsWith("\"")
                ? json.substring(1, json.length() - 1) : json;
    }
}
