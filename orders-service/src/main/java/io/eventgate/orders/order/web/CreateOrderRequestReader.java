package io.eventgate.orders.order.web;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a {@code POST /orders} body against its JSON Schema and only then binds it. The schema reports every
 * problem at once — missing fields, wrong types, unknown fields, out-of-range values — where Jackson binding
 * would stop at the first.
 */
@Component
class CreateOrderRequestReader {

    static final String SCHEMA = "eventgate/orders/create-order.request.json";

    private final Schema schema;
    private final ObjectReader reader;

    CreateOrderRequestReader(JsonMapper json) {
        try {
            this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(new ClassPathResource(SCHEMA).getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA, e);
        }
        // Unknown properties are refused by the schema already; failing here too keeps the two from drifting apart.
        this.reader = json.readerFor(CreateOrderRequest.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** @throws InvalidRequestException naming every bad field */
    CreateOrderRequest read(JsonNode body) {
        List<FieldError> errors = schema.validate(body).stream()
                .map(CreateOrderRequestReader::toFieldError)
                .distinct()
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return reader.treeToValue(body, CreateOrderRequest.class);
    }

    private static FieldError toFieldError(Error error) {
        String location = error.getInstanceLocation().toString();
        String path = fieldPath(location);
        return switch (error.getKeyword()) {
            case "required" -> new FieldError(join(path, error.getProperty()), "is required");
            case "additionalProperties" -> new FieldError(join(path, error.getProperty()), "is not a known field");
            default -> new FieldError(path.isEmpty() ? "(body)" : path, stripLocation(error.getMessage(), location));
        };
    }

    /** {@code /items/0/quantity} (a JSON Pointer) as {@code items[0].quantity}, the way clients write paths. */
    static String fieldPath(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String token : pointer.split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            String name = token.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(name);
            }
        }
        return path.toString();
    }

    private static String join(String parent, String property) {
        return parent.isEmpty() ? property : parent + "." + property;
    }

    // networknt prefixes its messages with the instance location; the field is reported separately.
    private static String stripLocation(String message, String location) {
        return message.startsWith(location + ": ") ? message.substring(location.length() + 2) : message;
    }
}
