package io.eventgate.localcloud.apigateway.execute;

import io.eventgate.localcloud.apigateway.model.Integration;
import io.eventgate.localcloud.apigateway.model.IntegrationResponse;
import io.eventgate.localcloud.apigateway.vtl.MappingTemplates;
import io.eventgate.localcloud.apigateway.vtl.VtlInput;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a non-proxy integration's backend answer into the method's answer: the integration response whose
 * {@code selectionPattern} matches the backend status (for HTTP and AWS backends AWS matches the status code), else
 * the default one; then its template, its response parameters and {@code $context.responseOverride}.
 */
final class ResponseMapping {

    /** The method's answer before the gateway adds its own headers. */
    record MethodResponse(int status, Map<String, String> headers, byte[] body) {
    }

    private static final Logger log = LoggerFactory.getLogger(ResponseMapping.class);

    private final MappingTemplates templates;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    ResponseMapping(MappingTemplates templates) {
        this.templates = templates;
    }

    MethodResponse map(Integration integration, BackendResponse backend, Invocation invocation) {
        IntegrationResponse chosen = select(integration, String.valueOf(backend.status()))
                .orElseThrow(() -> {
                    log.error("Request {}: no integration response of {} {} matches backend status {} and none is "
                                    + "the default; answering 500", invocation.requestId,
                            invocation.request.httpMethod(), invocation.resource.path(), backend.status());
                    return GatewayException.internalError();
                });
        invocation.resetResponseOverride();
        String contentType = templateType(chosen.responseTemplates(), invocation.request.header("Accept"));
        byte[] body = backend.body();
        String template = contentType == null ? null : chosen.responseTemplates().get(contentType);
        if (template != null && !template.isBlank()) {
            VtlInput input = new VtlInput(backend.bodyText(), invocation.params());
            body = templates.render(template, input, invocation.context, invocation.stageVariables())
                    .getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType == null ? "application/json" : contentType);
        chosen.responseParameters().forEach((target, source) -> {
            if (target.startsWith("method.response.header.")) {
                Parameters.resolve(source, invocation, Optional.of(backend))
                        .ifPresent(v -> headers.put(target.substring("method.response.header.".length()), v));
            }
        });
        invocation.override("responseOverride", "header").forEach((k, v) -> headers.put(k, String.valueOf(v)));
        int status = invocation.responseStatusOverride().orElse(Integer.parseInt(chosen.statusCode()));
        return new MethodResponse(status, headers, body);
    }

    private Optional<IntegrationResponse> select(Integration integration, String status) {
        List<IntegrationResponse> responses = integration.responses().values().stream()
                .sorted(Comparator.comparing(IntegrationResponse::statusCode)).toList();
        for (IntegrationResponse response : responses) {
            if (response.selectionPattern().isPresent()
                    && pattern(response.selectionPattern().get()).matcher(status).matches()) {
                return Optional.of(response);
            }
        }
        return responses.stream().filter(r -> r.selectionPattern().isEmpty()).findFirst();
    }

    private Pattern pattern(String regex) {
        return patterns.computeIfAbsent(regex, Pattern::compile);
    }

    /** The template's content type: the one the caller accepts, else application/json, else the only one. */
    private static String templateType(Map<String, String> available, Optional<String> accept) {
        if (available.isEmpty()) {
            return null;
        }
        if (accept.isPresent()) {
            for (String type : accept.get().split(",")) {
                String t = type.split(";", 2)[0].trim().toLowerCase();
                if (available.containsKey(t)) {
                    return t;
                }
            }
        }
        if (available.containsKey("application/json")) {
            return "application/json";
        }
        return available.keySet().stream().sorted().findFirst().orElseThrow();
    }
}
