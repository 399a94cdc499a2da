package io.eventgate.localcloud.apigateway.model;

import java.util.Map;
import java.util.Optional;

/**
 * A method of a resource.
 *
 * @param requestParameters  e.g. {@code method.request.header.X-Trace} → required
 * @param requestModels      content type → model name
 * @param responses          method responses by status code
 * @param integration        absent until PutIntegration
 */
public record Method(String httpMethod, String authorizationType, boolean apiKeyRequired,
                     Optional<String> requestValidatorId, Optional<String> operationName,
                     Map<String, Boolean> requestParameters, Map<String, String> requestModels,
                     Map<String, MethodResponse> responses, Optional<Integration> integration) {

    public Method {
        requestParameters = Map.copyOf(requestParameters);
        requestModels = Map.copyOf(requestModels);
        responses = Map.copyOf(responses);
    }

    public Method withResponse(MethodResponse response) {
        return new Method(httpMethod, authorizationType, apiKeyRequired, requestValidatorId, operationName,
                requestParameters, requestModels, Maps.with(responses, response.statusCode(), response), integration);
    }

    public Method withIntegration(Optional<Integration> newIntegration) {
        return new Method(httpMethod, authorizationType, apiKeyRequired, requestValidatorId, operationName,
                requestParameters, requestModels, responses, newIntegration);
    }
}
