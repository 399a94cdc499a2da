package io.eventgate.localcloud.apigateway.control;

import io.eventgate.localcloud.edge.AwsException;

/** The control plane's errors, with the status codes and {@code x-amzn-ErrorType} names API Gateway uses. */
final class ControlErrors {

    private ControlErrors() {
    }

    static AwsException notFound(String message) {
        return new AwsException(404, "NotFoundException", message);
    }

    static AwsException conflict(String message) {
        return new AwsException(409, "ConflictException", message);
    }

    static AwsException badRequest(String message) {
        return new AwsException(400, "BadRequestException", message);
    }
}
