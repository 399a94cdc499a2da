package io.eventgate.infra.aws;

import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Turns SDK exceptions into the one-line reports the CLI prints per resource. */
public final class CloudErrors {

    private CloudErrors() {
    }

    /** The AWS error code, HTTP status and message; empty when the exception is not a cloud refusal. */
    public static Optional<String> describe(RuntimeException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? "" : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null ? service.getMessage()
                    : service.awsErrorDetails().errorMessage();
            return Optional.of(code + " (HTTP " + service.statusCode() + "): " + message);
        }
        if (e instanceof SdkClientException client) {
            return Optional.of("cannot reach the endpoint: " + client.getMessage());
        }
        return Optional.empty();
    }
}
