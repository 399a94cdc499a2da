package io.eventgate.localcloud.apigateway.model;

import java.util.Map;
import java.util.Optional;

/**
 * How one kind of backend answer becomes the method's answer.
 *
 * @param selectionPattern   regex matched against the backend's status code; absent for the default response
 * @param responseParameters e.g. {@code method.response.header.X-Id} → {@code integration.response.header.X-Id}
 * @param responseTemplates  content type → VTL template
 */
public record IntegrationResponse(String statusCode, Optional<String> selectionPattern,
                                  Map<String, String> responseParameters, Map<String, String> responseTemplates,
                                  Optional<String> contentHandling) {

    public IntegrationResponse {
        selectionPattern = selectionPattern.filter(p -> !p.isEmpty());
        responseParameters = Map.copyOf(responseParameters);
        responseTemplates = Map.copyOf(responseTemplates);
    }
}
