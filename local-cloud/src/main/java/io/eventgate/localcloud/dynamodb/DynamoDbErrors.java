package io.eventgate.localcloud.dynamodb;

import io.eventgate.localcloud.edge.EdgeResponse;
import io.eventgate.localcloud.json.Json;
import java.util.UUID;

/** DynamoDB's errors as AWS writes them (JSON 1.0, {@code __type} with DynamoDB's or Coral's namespace). */
final class DynamoDbErrors {

    static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    /** A DynamoDB error to answer with. */
    static final class Failure extends RuntimeException {
        final int status;
        final String type;

        Failure(int status, String type, String message) {
            super(message, null, false, false);
            this.status = status;
            this.type = type;
        }

        EdgeResponse response() {
            var body = Json.object().put("__type", type).put("message", getMessage());
            return EdgeResponse.of(status, CONTENT_TYPE, Json.bytes(body))
                    .withHeader("x-amzn-RequestId", UUID.randomUUID().toString());
        }
    }

    private DynamoDbErrors() {
    }

    static Failure validation(String message) {
        return new Failure(400, "com.amazon.coral.validate#ValidationException", message);
    }

    static Failure resourceNotFound(String message) {
        return new Failure(400, "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", message);
    }

    static Failure tableNotFound(String table) {
        return new Failure(400, "com.amazonaws.dynamodb.v20120810#TableNotFoundException",
                "Table not found: " + table);
    }

    /** AWS's answer to a request whose outcome the service could not settle; SDKs retry it. */
    static Failure internal(String message) {
        return new Failure(500, "com.amazonaws.dynamodb.v20120810#InternalServerError", message);
    }

    static Failure serialization(String message) {
        return new Failure(400, "com.amazon.coral.service#SerializationException", message);
    }
}
