package io.eventgate.localcloud.edge;

import io.eventgate.localcloud.json.Json;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A service speaking AWS's JSON 1.0/1.1 protocol ({@code POST /}, {@code X-Amz-Target: Prefix.Operation}),
 * implemented by local-cloud itself as a table of operations.
 *
 * <p>An operation not in the table gets AWS's {@code UnknownOperationException} naming it, never a hang or a 404.
 */
public final class AwsJsonService implements EdgeService {

    /** One operation: takes the request document, returns the response document or throws {@link AwsException}. */
    @FunctionalInterface
    public interface Operation {
        JsonNode invoke(JsonNode input);
    }

    private final String name;
    private final String targetPrefix;
    private final String contentType;
    private final Map<String, Operation> operations;

    public AwsJsonService(String name, String targetPrefix, String contentType, Map<String, Operation> operations) {
        this.name = name;
        this.targetPrefix = targetPrefix;
        this.contentType = contentType;
        this.operations = Map.copyOf(operations);
    }

    @Override
    public String name() {
        return name;
    }

    /** The operations this service implements. */
    public Set<String> operations() {
        return operations.keySet();
    }

    @Override
    public boolean accepts(EdgeRequest request) {
        return AwsRequests.targetPrefix(request).filter(targetPrefix::equals).isPresent();
    }

    @Override
    public EdgeResponse handle(EdgeRequest request) {
        String operation = AwsRequests.targetOperation(request).orElse("");
        JsonNode input;
        try {
            input = request.body().length == 0 ? Json.object() : Json.parse(request.body());
        } catch (JacksonException e) {
            return AwsErrors.json(400, "SerializationException", "Request body is not valid JSON", contentType);
        }
        try {
            return EdgeResponse.of(200, contentType, Json.bytes(invoke(operation, input)));
        } catch (AwsException e) {
            return AwsErrors.json(e.status(), e.errorCode(), e.getMessage(), contentType);
        }
    }

    /**
     * Runs an operation in-process, as if it had arrived over HTTP (used by API Gateway's AWS integrations).
     *
     * @throws AwsException with {@code UnknownOperationException} when the operation is not implemented
     */
    public JsonNode invoke(String operation, JsonNode input) {
        Operation op = operations.get(operation);
        if (op == null && operation.isBlank()) {
            throw new AwsException(400, "UnknownOperationException", "The request names no operation: its "
                    + "X-Amz-Target header is " + targetPrefix + " with nothing after it");
        }
        if (op == null) {
            throw new AwsException(400, "UnknownOperationException",
                    "Operation " + targetPrefix + "." + operation + " is not implemented by local-cloud's " + name
                            + " service");
        }
        if (!input.isObject()) {
            throw new AwsException(400, "SerializationException", "Request body must be a JSON object");
        }
        return op.invoke(input);
    }
}
