package io.eventgate.localcloud.apigateway.model;

import java.util.Map;
import java.util.Optional;

/**
 * What a method calls.
 *
 * @param type                {@code AWS}, {@code AWS_PROXY}, {@code HTTP}, {@code HTTP_PROXY} or {@code MOCK}
 * @param httpMethod          the method used towards the backend (the {@code httpMethod} member of PutIntegration)
 * @param uri                 backend URL, or {@code arn:aws:apigateway:{region}:{service}:action/{Action}}
 * @param requestParameters   e.g. {@code integration.request.header.X-Amz-Target} → {@code 'AWSEvents.PutEvents'}
 * @param requestTemplates    content type → VTL template
 * @param passthroughBehavior {@code WHEN_NO_MATCH}, {@code WHEN_NO_TEMPLATES} or {@code NEVER}
 * @param responses           integration responses by status code
 */
public record Integration(String type, Optional<String> httpMethod, Optional<String> uri,
                          Optional<String> credentials, Map<String, String> requestParameters,
                          Map<String, String> requestTemplates, String passthroughBehavior, int timeoutInMillis,
                          Optional<String> contentHandling, Map<String, IntegrationResponse> responses) {

    public Integration {
        requestParameters = Map.copyOf(requestParameters);
        requestTemplates = Map.copyOf(requestTemplates);
        responses = Map.copyOf(responses);
    }

    public Integration withResponse(IntegrationResponse response) {
        return new Integration(type, httpMethod, uri, credentials, requestParameters, requestTemplates,
                passthroughBehavior, timeoutInMillis, contentHandling,
                Maps.with(responses, response.statusCode(), response));
    }
}
