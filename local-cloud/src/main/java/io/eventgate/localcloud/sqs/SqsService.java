package io.eventgate.localcloud.sqs;

import io.eventgate.localcloud.edge.AwsErrors;
import io.eventgate.localcloud.edge.AwsRequests;
import io.eventgate.localcloud.edge.EdgeRequest;
import io.eventgate.localcloud.edge.EdgeResponse;
import io.eventgate.localcloud.edge.EdgeService;
import io.eventgate.localcloud.edge.FrontService;
import io.eventgate.localcloud.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SQS in front of ElasticMQ, in both SQS protocols (JSON {@code AmazonSQS.*} and query form + XML):
 * <ul>
 *   <li>keeps the {@code Policy} attribute that ElasticMQ drops: {@code CreateQueue} and {@code SetQueueAttributes}
 *       store it (after ElasticMQ accepted the rest), {@code GetQueueAttributes} returns it, {@code DeleteQueue}
 *       forgets it;</li>
 *   <li>serves dead-letter redrive itself ({@link MessageMoveTasks}), which ElasticMQ gets wrong for links set after a
 *       queue was created;</li>
 *   <li>with a data directory, answers a queue change only once ElasticMQ's store has it ({@link QueueStore});</li>
 *   <li>answers malformed requests, and anything ElasticMQ reports in its own words, in AWS's error shape.</li>
 * </ul>
 */
final class SqsService extends FrontService {

    /** What ElasticMQ's own storage needs from the edge (nothing, in memory). */
    interface QueueStore {
        QueueStore NONE = new QueueStore() {
            @Override
            public void changed() {
            }

            @Override
            public void purged(String queueName) {
            }
        };

        /** Returns once the queue changes ElasticMQ has made so far are stored. */
        void changed();

        /** Drops the stored messages of a purged queue. */
        void purged(String queueName);
    }

    private static final String POLICY = "Policy";
    private static final Set<String> QUEUE_CHANGES = Set.of("CreateQueue", "DeleteQueue", "SetQueueAttributes",
            "TagQueue", "UntagQueue", "AddPermission", "RemovePermission");
    private static final Set<String> REDRIVE = Set.of("ListDeadLetterSourceQueues", "StartMessageMoveTask",
            "ListMessageMoveTasks", "CancelMessageMoveTask");
    /** A JVM class name, as ElasticMQ's parser errors carry them (e.g. spray.json.JsonParser$ParsingException). */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z][\\w$]*");

    private final QueuePolicies policies;
    private final QueueStore store;
    private final MessageMoveTasks moves;

    SqsService(EdgeService backend, QueuePolicies policies, QueueStore store, MessageMoveTasks moves) {
        super(backend);
        this.policies = policies;
        this.store = store;
        this.moves = moves;
    }

    @Override
    public EdgeResponse handle(EdgeRequest request) throws Exception {
        boolean json = request.header("X-Amz-Target").isPresent();
        return json ? handleJson(request) : handleQuery(request);
    }

    private EdgeResponse handleJson(EdgeRequest request) throws Exception {
        String operation = AwsRequests.targetOperation(request).orElse("");
        JsonNode input;
        try {
            input = request.body().length == 0 ? Json.object() : Json.parse(request.body());
        } catch (JacksonException e) {
            return SqsException.serialization("The request body is not valid JSON.").toJson();
        }
        if (!input.isObject()) {
            return SqsException.serialization("The request body must be a JSON object.").toJson();
        }
        Optional<String> wrongType = SqsRequests.wrongType(input);
        if (wrongType.isPresent()) {
            return SqsException.serialization(wrongType.get()).toJson();
        }
        try {
            EdgeResponse response = switch (operation) {
                case "CreateQueue", "SetQueueAttributes", "GetQueueAttributes", "DeleteQueue" ->
                        withPolicies(operation, request, input);
                case "ListDeadLetterSourceQueues" -> ok(moves.listDeadLetterSourceQueues(input));
                case "StartMessageMoveTask" -> ok(moves.start(input));
                case "ListMessageMoveTasks" -> ok(moves.list(input));
                case "CancelMessageMoveTask" -> ok(moves.cancel(input));
                default -> backend.handle(request);
            };
            if (response.status() == 200) {
                stored(operation, input.path("QueueUrl").asString(""));
            }
            return response.status() >= 400 ? jsonError(operation, response) : response;
        } catch (SqsException e) {
            return e.toJson();
        }
    }

    private static EdgeResponse ok(JsonNode output) {
        return EdgeResponse.of(200, "application/x-amz-json-1.0", Json.bytes(output))
                .withHeader("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
    }

    /** Waits for ElasticMQ's store after changes it hands over without waiting itself. */
    private void stored(String operation, String queueUrl) {
        if (QUEUE_CHANGES.contains(operation)) {
            store.changed();
        } else if ("PurgeQueue".equals(operation)) {
            store.purged(queueName(queueUrl));
        }
    }

    /** ElasticMQ's JSON error in AWS's words: no parser class names, an unknown operation named as AWS does. */
    private static EdgeResponse jsonError(String operation, EdgeResponse response) {
        JsonNode body;
        try {
            body = Json.parse(response.body());
        } catch (JacksonException e) {
            return new SqsException(response.status(), "InternalError", "InternalError",
                    "SQS could not process " + operation + ".").toJson();
        }
        String type = body.path("__type").asString("");
        String message = body.path("message").asString(body.path("Message").asString(""));
        if (type.endsWith("#InvalidAction") && message.startsWith("Unknown action")) {
            return new SqsException(400, "UnknownOperationException", "InvalidAction", "Operation AmazonSQS."
                    + operation + " is not implemented by local-cloud's SQS (ElasticMQ).").toJson();
        }
        if (CLASS_NAME.matcher(message).find() || message.contains("Rejection(")) {
            return SqsException.serialization("The request could not be read: a parameter is missing or has the "
                    + "wrong type for " + operation + ".").toJson();
        }
        return response;
    }

    private EdgeResponse withPolicies(String operation, EdgeRequest request, JsonNode input) throws Exception {
        String queue = "CreateQueue".equals(operation) ? input.path("QueueName").asString("")
                : queueName(input.path("QueueUrl").asString(""));
        Optional<String> policy = Optional.ofNullable(input.path("Attributes").path(POLICY).asString(null));
        if (policy.isPresent()) {
            Optional<EdgeResponse> invalid = validate(request, policy.get());
            if (invalid.isPresent()) {
                return invalid.get();
            }
            ((ObjectNode) input.path("Attributes")).remove(POLICY);
            request = withBody(request, Json.bytes(input));
        }
        EdgeResponse response = backend.handle(request);
        if (response.status() != 200) {
            return response;
        }
        switch (operation) {
            case "DeleteQueue" -> policies.remove(queue);
            case "GetQueueAttributes" -> {
                if (wantsPolicy(input.path("AttributeNames")) && policies.policy(queue).isPresent()) {
                    JsonNode body = Json.parse(response.body());
                    ObjectNode attributes = body.path("Attributes").isObject() ? (ObjectNode) body.get("Attributes")
                            : ((ObjectNode) body).putObject("Attributes");
                    attributes.put(POLICY, policies.policy(queue).get());
                    return new EdgeResponse(200, response.headers(), Json.bytes(body));
                }
            }
            default -> policy.ifPresent(p -> policies.put(queue, p));
        }
        return response;
    }

    private EdgeResponse handleQuery(EdgeRequest request) throws Exception {
        String operation = AwsRequests.queryAction(request).orElse("");
        Map<String, List<String>> form = EdgeRequest.parseForm(request.bodyText());
        form.putAll(request.queryParameters());
        EdgeResponse response;
        try {
            response = switch (operation) {
                case "CreateQueue", "SetQueueAttributes", "GetQueueAttributes", "DeleteQueue" ->
                        queryWithPolicies(operation, request, form);
                case "ListDeadLetterSourceQueues", "StartMessageMoveTask", "ListMessageMoveTasks",
                     "CancelMessageMoveTask" -> QueryResponses.render(operation, redrive(operation, form));
                default -> backend.handle(request);
            };
        } catch (SqsException e) {
            return e.toQuery();
        }
        if (response.status() == 200) {
            stored(operation, Optional.ofNullable(first(form, "QueueUrl")).orElse(request.path()));
        }
        if (response.status() >= 400 && CLASS_NAME.matcher(response.bodyText()).find()) {
            return new SqsException(400, "InvalidParameterValue", "InvalidParameterValue",
                    "The request could not be read: a parameter is missing or has the wrong type for " + operation
                            + ".").toQuery();
        }
        return response;
    }

    /** The redrive operations, their form parameters read as the JSON protocol's members. */
    private JsonNode redrive(String operation, Map<String, List<String>> form) throws Exception {
        var input = Json.object();
        for (String name : List.of("QueueUrl", "SourceArn", "DestinationArn", "TaskHandle", "NextToken")) {
            Optional.ofNullable(first(form, name)).ifPresent(v -> input.put(name, v));
        }
        for (String name : List.of("MaxResults", "MaxNumberOfMessagesPerSecond")) {
            String value = first(form, name);
            if (value != null) {
                try {
                    input.put(name, Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    throw SqsException.invalidParameterValue("Value " + value + " for parameter " + name
                            + " is invalid.");
                }
            }
        }
        return switch (operation) {
            case "ListDeadLetterSourceQueues" -> moves.listDeadLetterSourceQueues(input);
            case "StartMessageMoveTask" -> moves.start(input);
            case "ListMessageMoveTasks" -> moves.list(input);
            default -> moves.cancel(input);
        };
    }

    private EdgeResponse queryWithPolicies(String operation, EdgeRequest request, Map<String, List<String>> form)
            throws Exception {
        String queue = "CreateQueue".equals(operation) ? first(form, "QueueName")
                : queueName(Optional.ofNullable(first(form, "QueueUrl")).orElse(request.path()));
        String policy = null;
        List<String> kept = new ArrayList<>();
        for (int i = 1; form.containsKey("Attribute." + i + ".Name"); i++) {
            String name = first(form, "Attribute." + i + ".Name");
            String value = first(form, "Attribute." + i + ".Value");
            if (POLICY.equals(name)) {
                policy = value;
            } else {
                kept.add(name);
                kept.add(value);
            }
        }
        if (policy != null) {
            Optional<EdgeResponse> invalid = validate(request, policy);
            if (invalid.isPresent()) {
                return invalid.get();
            }
            request = withBody(request, rewriteForm(form, kept).getBytes(StandardCharsets.UTF_8));
        }
        EdgeResponse response = backend.handle(request);
        if (response.status() != 200) {
            return response;
        }
        if ("DeleteQueue".equals(operation)) {
            policies.remove(queue);
        } else if ("GetQueueAttributes".equals(operation)) {
            List<String> names = new ArrayList<>();
            form.forEach((key, values) -> {
                if (key.startsWith("AttributeName")) {
                    names.addAll(values);
                }
            });
            if ((names.contains(POLICY) || names.contains("All")) && policies.policy(queue).isPresent()) {
                String attribute = "<Attribute><Name>Policy</Name><Value>" + escapeXml(policies.policy(queue).get())
                        + "</Value></Attribute>";
                String xml = response.bodyText().replace("</GetQueueAttributesResult>",
                        attribute + "</GetQueueAttributesResult>");
                return new EdgeResponse(200, response.headers(), xml.getBytes(StandardCharsets.UTF_8));
            }
        } else if (policy != null) {
            policies.put(queue, policy);
        }
        return response;
    }

    /** AWS refuses a policy that is not a JSON document. */
    private static Optional<EdgeResponse> validate(EdgeRequest request, String policy) {
        if (policy.isBlank()) {
            return Optional.empty();
        }
        try {
            if (Json.parse(policy).isObject()) {
                return Optional.empty();
            }
        } catch (JacksonException e) {
            // falls through to the error
        }
        return Optional.of(AwsErrors.forRequest(request, 400, "InvalidAttributeValue",
                "Invalid value for the parameter Policy."));
    }

    private static boolean wantsPolicy(JsonNode names) {
        for (JsonNode name : names) {
            if (POLICY.equals(name.asString()) || "All".equals(name.asString())) {
                return true;
            }
        }
        return false;
    }

    private static String queueName(String queueUrlOrPath) {
        String trimmed = queueUrlOrPath.endsWith("/") ? queueUrlOrPath.substring(0, queueUrlOrPath.length() - 1)
                : queueUrlOrPath;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> values = form.get(key);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** The form without any {@code Attribute.N.*}, then the kept attributes renumbered. */
    private static String rewriteForm(Map<String, List<String>> form, List<String> kept) {
        StringBuilder body = new StringBuilder();
        form.forEach((key, values) -> {
            if (!key.startsWith("Attribute.")) {
                values.forEach(value -> append(body, key, value));
            }
        });
        for (int i = 0; i < kept.size(); i += 2) {
            append(body, "Attribute." + (i / 2 + 1) + ".Name", kept.get(i));
            append(body, "Attribute." + (i / 2 + 1) + ".Value", kept.get(i + 1));
        }
        return body.toString();
    }

    private static void append(StringBuilder body, String key, String value) {
        if (!body.isEmpty()) {
            body.append('&');
        }
        body.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static EdgeRequest withBody(EdgeRequest request, byte[] body) {
        return new EdgeRequest(request.method(), request.path(), request.rawQuery(), request.headers(), body,
                request.remoteAddress());
    }

    private static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
