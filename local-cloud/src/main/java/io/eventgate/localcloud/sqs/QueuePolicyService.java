package io.eventgate.localcloud.sqs;

import io.eventgate.localcloud.edge.AwsErrors;
import io.eventgate.localcloud.edge.AwsRequests;
import io.eventgate.localcloud.edge.EdgeRequest;
import io.eventgate.localcloud.edge.EdgeResponse;
import io.eventgate.localcloud.edge.EdgeService;
import io.eventgate.localcloud.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SQS in front of ElasticMQ, keeping the {@code Policy} attribute that ElasticMQ drops: {@code CreateQueue} and
 * {@code SetQueueAttributes} store it (after ElasticMQ accepted the rest), {@code GetQueueAttributes} returns it,
 * {@code DeleteQueue} forgets it. Both SQS protocols are handled: JSON ({@code AmazonSQS.*}) and query (form + XML).
 */
final class QueuePolicyService implements EdgeService {

    private static final String POLICY = "Policy";

    private final EdgeService backend;
    private final QueuePolicies policies;

    QueuePolicyService(EdgeService backend, QueuePolicies policies) {
        this.backend = backend;
        this.policies = policies;
    }

    @Override
    public String name() {
        return backend.name();
    }

    @Override
    public boolean accepts(EdgeRequest request) {
        return backend.accepts(request);
    }

    @Override
    public boolean healthy() {
        return backend.healthy();
    }

    @Override
    public EdgeResponse handle(EdgeRequest request) throws Exception {
        boolean json = request.header("X-Amz-Target").isPresent();
        String operation = json ? AwsRequests.targetOperation(request).orElse("")
                : AwsRequests.queryAction(request).orElse("");
        return switch (operation) {
            case "CreateQueue", "SetQueueAttributes", "GetQueueAttributes", "DeleteQueue" ->
                    json ? handleJson(operation, request) : handleQuery(operation, request);
            default -> backend.handle(request);
        };
    }

    private EdgeResponse handleJson(String operation, EdgeRequest request) throws Exception {
        JsonNode input;
        try {
            input = Json.parse(request.body());
        } catch (JacksonException e) {
            return backend.handle(request);
        }
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

    private EdgeResponse handleQuery(String operation, EdgeRequest request) throws Exception {
        Map<String, List<String>> form = EdgeRequest.parseForm(request.bodyText());
        form.putAll(request.queryParameters());
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
