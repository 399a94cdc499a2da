package io.eventgate.localcloud.apigateway.execute;

/**
 * A refusal the gateway answers itself: status, {@code x-amzn-ErrorType} and the {@code message} of the body, as
 * API Gateway's default gateway responses have them.
 */
final class GatewayException extends RuntimeException {

    private final int status;
    private final String type;

    private GatewayException(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    /** MISSING_AUTHENTICATION_TOKEN: no such resource, method, stage or API. */
    static GatewayException missingAuthenticationToken() {
        return new GatewayException(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    /** INVALID_API_KEY: missing, unknown or disabled key, or a key without a usage plan for the stage. */
    static GatewayException forbidden() {
        return new GatewayException(403, "ForbiddenException", "Forbidden");
    }

    static GatewayException throttled() {
        return new GatewayException(429, "TooManyRequestsException", "Too Many Requests");
    }

    static GatewayException quotaExceeded() {
        return new GatewayException(429, "LimitExceededException", "Limit Exceeded");
    }

    static GatewayException invalidBody() {
        return new GatewayException(400, "BadRequestException", "Invalid request body");
    }

    static GatewayException missingParameters(String names) {
        return new GatewayException(400, "BadRequestException", "Missing required request parameters: [" + names + "]");
    }

    static GatewayException unsupportedMediaType() {
        return new GatewayException(415, "BadRequestException", "Unsupported Media Type");
    }

    static GatewayException requestTooLarge() {
        return new GatewayException(413, "RequestTooLargeException", "Request Too Long");
    }

    /** The catch-all for configuration errors and failed integrations; details go to the log, not the caller. */
    static GatewayException internalError() {
        return new GatewayException(500, "InternalServerErrorException", "Internal server error");
    }

    static GatewayException timeout() {
        return new GatewayException(504, "InternalServerErrorException", "Endpoint request timed out");
    }
}
