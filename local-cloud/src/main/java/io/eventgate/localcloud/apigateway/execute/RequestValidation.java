package io.eventgate.localcloud.apigateway.execute;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.eventgate.localcloud.apigateway.model.Method;
import io.eventgate.localcloud.apigateway.model.Model;
import io.eventgate.localcloud.apigateway.model.RequestValidator;
import io.eventgate.localcloud.apigateway.model.RestApi;
import io.eventgate.localcloud.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The method's request validator: required parameters, and the body against the method's model for the request's
 * content type (JSON Schema draft 4, as API Gateway uses).
 */
final class RequestValidation {

    private static final Logger log = LoggerFactory.getLogger(RequestValidation.class);
    private static final int CACHE_LIMIT = 1024;

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    void validate(RestApi api, Method method, MethodRequest request) {
        if (method.requestValidatorId().isEmpty()) {
            return;
        }
        RequestValidator validator = api.validators().get(method.requestValidatorId().get());
        if (validator == null) {
            return;
        }
        if (validator.validateRequestParameters()) {
            checkParameters(method, request);
        }
        if (validator.validateRequestBody()) {
            checkBody(api, method, request);
        }
    }

    private static void checkParameters(Method method, MethodRequest request) {
        List<String> missing = new ArrayList<>();
        method.requestParameters().forEach((name, required) -> {
            if (!required) {
                return;
            }
            String[] parts = name.split("\\.", 4);
            String where = parts[2];
            String param = parts[3];
            boolean present = switch (where) {
                case "header", "multivalueheader" -> request.header(param).isPresent();
                case "querystring", "multivaluequerystring" -> request.query().containsKey(param);
                case "path" -> request.pathParams().containsKey(param);
                default -> true;
            };
            if (!present) {
                missing.add(param);
            }
        });
        if (!missing.isEmpty()) {
            throw GatewayException.missingParameters(String.join(", ", missing));
        }
    }

    private void checkBody(RestApi api, Method method, MethodRequest request) {
        String modelName = method.requestModels().get(request.contentType());
        if (modelName == null) {
            modelName = method.requestModels().get("$default");
        }
        Model model = modelName == null ? null : api.models().get(modelName);
        if (model == null || model.schema().isEmpty()) {
            return;
        }
        // The model checks the text the mapping templates will see: the body decoded once, strictly. A lenient byte
        // parser would pass malformed UTF-8 (an overlong form, a byte order mark) that the templates then read as a
        // different string than the one validated.
        JsonNode body;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(request.body())).toString();
            body = Json.parse(text.isEmpty() ? "{}" : text);
        } catch (CharacterCodingException | JacksonException e) {
            throw GatewayException.invalidBody();
        }
        var errors = schema(model).validate(body);
        if (!errors.isEmpty()) {
            log.debug("Request body fails model {}: {}", model.name(), errors);
            throw GatewayException.invalidBody();
        }
    }

    private Schema schema(Model model) {
        String text = model.schema().orElseThrow();
        Schema schema = schemas.get(text);
        if (schema == null) {
            if (schemas.size() >= CACHE_LIMIT) {
                schemas.clear();
            }
            schema = registry.getSchema(Json.parse(text));
            schemas.put(text, schema);
        }
        return schema;
    }
}
