package io.eventgate.localcloud.apigateway.model;

import java.util.Map;

/**
 * A status code a method may answer with.
 *
 * @param responseParameters e.g. {@code method.response.header.X-Request-Id} → required
 * @param responseModels     content type → model name
 */
public record MethodResponse(String statusCode, Map<String, Boolean> responseParameters,
                             Map<String, String> responseModels) {

    public MethodResponse {
        responseParameters = Map.copyOf(responseParameters);
        responseModels = Map.copyOf(responseModels);
    }
}
