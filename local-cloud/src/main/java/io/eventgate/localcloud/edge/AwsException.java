package io.eventgate.localcloud.edge;

/**
 * An AWS error a service answers with: HTTP status, AWS error code ({@code __type}) and message.
 * The edge renders it in the protocol of the request (JSON {@code __type}, query XML, REST-JSON header).
 */
public class AwsException extends RuntimeException {

    private final int status;
    private final String errorCode;

    public AwsException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** 400 {@code ValidationException}. */
    public static AwsException validation(String message) {
        return new AwsException(400, "ValidationException", message);
    }

    /** 400 {@code ResourceNotFoundException}. */
    public static AwsException notFound(String message) {
        return new AwsException(400, "ResourceNotFoundException", message);
    }

    /** 400 {@code ResourceAlreadyExistsException}. */
    public static AwsException alreadyExists(String message) {
        return new AwsException(400, "ResourceAlreadyExistsException", message);
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }
}
