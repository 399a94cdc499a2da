package io.eventgate.localcloud.apigateway.execute;

import io.eventgate.localcloud.apigateway.model.Integration;
import io.eventgate.localcloud.apigateway.vtl.MappingTemplates;
import io.eventgate.localcloud.apigateway.vtl.VtlInput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The request a non-proxy integration sends: headers, query and path parameters from the request parameter mappings
 * (and {@code $context.requestOverride}), and the body from the request template or passed through.
 */
record IntegrationRequest(Map<String, String> headers, Map<String, String> query, Map<String, String> pathParams,
                          String body) {

    static IntegrationRequest build(Integration integration, Invocation invocation, MappingTemplates templates) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> path = new LinkedHashMap<>();
        integration.requestParameters().forEach((target, source) -> {
            Optional<String> value = Parameters.resolve(source, invocation, Optional.empty());
            if (value.isEmpty()) {
                return;
            }
            if (target.startsWith("integration.request.header.")) {
                headers.put(target.substring("integration.request.header.".length()), value.get());
            } else if (target.startsWith("integration.request.querystring.")) {
                query.put(target.substring("integration.request.querystring.".length()), value.get());
            } else if (target.startsWith("integration.request.path.")) {
                path.put(target.substring("integration.request.path.".length()), value.get());
            }
        });
        String body = body(integration, invocation, templates);
        invocation.override("requestOverride", "header").forEach((k, v) -> headers.put(k, String.valueOf(v)));
        invocation.override("requestOverride", "querystring").forEach((k, v) -> query.put(k, String.valueOf(v)));
        invocation.override("requestOverride", "path").forEach((k, v) -> path.put(k, String.valueOf(v)));
        return new IntegrationRequest(headers, query, path, body);
    }

    /** The request template for the request's content type, or the body passed through as the behaviour allows. */
    private static String body(Integration integration, Invocation invocation, MappingTemplates templates) {
        Map<String, String> available = integration.requestTemplates();
        String template = available.get(invocation.request.contentType());
        if (template == null) {
            boolean passThrough = switch (integration.passthroughBehavior()) {
                case "NEVER" -> false;
                case "WHEN_NO_TEMPLATES" -> available.isEmpty();
                default -> true;
            };
            if (!passThrough) {
                throw GatewayException.unsupportedMediaType();
            }
            return invocation.request.bodyText();
        }
        VtlInput input = new VtlInput(invocation.request.bodyText(), invocation.params());
        return templates.render(template, input, invocation.context, invocation.stageVariables());
    }
}
