package io.eventgate.localcloud.apigateway.model;

/** Which parts of a request API Gateway checks before calling the integration. */
public record RequestValidator(String id, String name, boolean validateRequestBody,
                               boolean validateRequestParameters) {
}
