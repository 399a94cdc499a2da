package io.eventgate.localcloud.edge;

import io.eventgate.localcloud.json.Json;
import java.util.UUID;

/** AWS's error shapes, per protocol. Every error carries a request id, as AWS's do. */
public final class AwsErrors {

    private AwsErrors() {
    }

    /** JSON 1.0/1.1 protocols (DynamoDB, SQS JSON, EventBridge): {@code {"__type": ..., "message": ...}}. */
    public static EdgeResponse json(int status, String type, String message, String contentType) {
        var body = Json.object().put("__type", type).put("message", message);
        return EdgeResponse.of(status, contentType, Json.bytes(body))
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString());
    }

    /** REST-JSON protocols (API Gateway): {@code {"message": ...}} plus {@code x-amzn-ErrorType}. */
    public static EdgeResponse restJson(int status, String type, String message) {
        var body = Json.object().put("message", message);
        return EdgeResponse.of(status, "application/json", Json.bytes(body))
                .withHeader("x-amzn-ErrorType", type)
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString());
    }

    /** The query (XML) protocol (SQS query, IAM, STS). */
    public static EdgeResponse queryXml(int status, String type, String message) {
        String requestId = UUID.randomUUID().toString();
        String xml = "<?xml version=\"1.0\"?><ErrorResponse><Error><Type>" + (status >= 500 ? "Receiver" : "Sender")
                + "</Type><Code>" + escapeXml(type) + "</Code><Message>" + escapeXml(message)
                + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
        return EdgeResponse.of(status, "text/xml", xml).withHeader("x-amzn-RequestId", requestId);
    }

    /** A JSON-protocol error, in the request's JSON version (1.1 when it named none). */
    public static EdgeResponse forJson(EdgeRequest request, int status, String type, String message) {
        String contentType = request.mediaType().startsWith("application/x-amz-json")
                ? request.mediaType() : "application/x-amz-json-1.1";
        return json(status, type, message, contentType);
    }

    /** An error in the shape the request's protocol expects. */
    public static EdgeResponse forRequest(EdgeRequest request, int status, String type, String message) {
        if (request.header("X-Amz-Target").isPresent()) {
            String contentType = request.mediaType().startsWith("application/x-amz-json")
                    ? request.mediaType() : "application/x-amz-json-1.1";
            return json(status, type, message, contentType);
        }
        if ("application/x-www-form-urlencoded".equals(request.mediaType())) {
            return queryXml(status, type, message);
        }
        return restJson(status, type, message);
    }

    private static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
