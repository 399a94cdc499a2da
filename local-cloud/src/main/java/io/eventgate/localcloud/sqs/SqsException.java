package io.eventgate.localcloud.sqs;

import io.eventgate.localcloud.edge.AwsErrors;
import io.eventgate.localcloud.edge.EdgeResponse;
import io.eventgate.localcloud.json.Json;
import java.util.UUID;

/**
 * An SQS error as AWS reports it in both SQS protocols: JSON ({@code __type} {@code com.amazonaws.sqs#Name} and the
 * {@code x-amzn-query-error} header the SDKs map error codes from) and query (XML with the query error code).
 */
final class SqsException extends RuntimeException {

    private final int status;
    private final String type;
    private final String queryCode;

    SqsException(int status, String type, String queryCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.queryCode = queryCode;
    }

    static SqsException queueDoesNotExist() {
        return new SqsException(400, "QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue",
                "The specified queue does not exist.");
    }

    static SqsException resourceNotFound(String message) {
        return new SqsException(404, "ResourceNotFoundException", "ResourceNotFoundException", message);
    }

    static SqsException invalidParameterValue(String message) {
        return new SqsException(400, "InvalidParameterValueException", "InvalidParameterValue", message);
    }

    static SqsException missingParameter(String name) {
        return new SqsException(400, "MissingRequiredParameterException", "MissingParameter",
                "The request must contain the parameter " + name + ".");
    }

    /** A JSON body that cannot be read (malformed, not an object, or a member of the wrong type). */
    static SqsException serialization(String message) {
        return new SqsException(400, "SerializationException", "SerializationException", message);
    }

    EdgeResponse toJson() {
        var body = Json.object().put("__type", "com.amazonaws.sqs#" + type).put("message", getMessage());
        return EdgeResponse.of(status, "application/x-amz-json-1.0", Json.bytes(body))
                .withHeader("x-amzn-query-error", queryCode + ";" + (status >= 500 ? "Receiver" : "Sender"))
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString());
    }

    EdgeResponse toQuery() {
        return AwsErrors.queryXml(status, queryCode, getMessage());
    }
}
