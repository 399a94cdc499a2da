package io.eventgate.orders.order.web;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import io.eventgate.orders.order.LineItem;
import io.eventgate.web.problem.FieldPaths;
import io.eventgate.web.problem.FieldProblem;
import io.eventgate.web.problem.InvalidRequestException;
import io.eventgate.web.text.TextRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a {@code POST /orders} body against its JSON Schema and only then binds it. The schema reports every
 * problem at once — missing fields, wrong types, unknown fields, out-of-range values — where Jackson binding
 * would stop at the first. What a JSON Schema cannot say is checked here too, on the same tree and into the same
 * list: every string follows {@link TextRules} (not blank, no control characters, unpaired surrogates or
 * noncharacters), and every price is a valid {@link LineItem#price price} (at most two decimals, never rounded).
 * A body that passes binds to values the domain accepts as they are.
 */
@Component
class CreateOrderRequestReader {

    static final String SCHEMA = "eventgate/orders/create-order.request.json";
    /** Beyond any limit of this API, and beyond what a {@code long} holds. */
    private static final BigDecimal HUGE = new BigDecimal("1e18");

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
        List<FieldProblem> huge = new ArrayList<>();
        findHugeNumbers(body, "", huge);
        if (!huge.isEmpty()) {
            // The schema validator converts integral numbers to long to compare them and fails on these; no limit
            // of this API is anywhere near, so they are refused before it sees them.
            throw new InvalidRequestException(huge);
        }
        List<FieldProblem> errors = new ArrayList<>(schema.validate(body).stream()
                .map(CreateOrderRequestReader::toFieldProblem).toList());
        Set<String> flagged = errors.stream().map(FieldProblem::field).collect(Collectors.toSet());
        if (body != null && body.isObject()) {
            checkValues(body, "", flagged, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return reader.treeToValue(body, CreateOrderRequest.class);
    }

    private static void findHugeNumbers(JsonNode node, String path, List<FieldProblem> errors) {
        if (node == null) {
            return;
        }
        if (node.isNumber() && !node.isInt() && node.decimalValue().abs().compareTo(HUGE) >= 0) {
            errors.add(new FieldProblem(path, "is out of range"));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findHugeNumbers(node.get(i), FieldPaths.index(path, i), errors);
            }
        } else if (node.isObject()) {
            for (var field : node.properties()) {
                findHugeNumbers(field.getValue(), FieldPaths.property(path, field.getKey()), errors);
            }
        }
    }

    /** The checks the schema cannot express, on every field the schema did not already refuse. */
    private static void checkValues(JsonNode node, String path, Set<String> flagged, List<FieldProblem> errors) {
        if (flagged.contains(path)) {
            return;
        }
        if (node.isString()) {
            TextRules.problem(node.asString()).ifPresent(problem -> errors.add(new FieldProblem(path, problem)));
        } else if (node.isNumber() && path.endsWith(".unitPrice")) {
            try {
                LineItem.price(node.decimalValue());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldProblem(path, e.getMessage().replaceFirst("^unitPrice ", "")));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkValues(node.get(i), FieldPaths.index(path, i), flagged, errors);
            }
        } else if (node.isObject()) {
            for (var field : node.properties()) {
                checkValues(field.getValue(), FieldPaths.property(path, field.getKey()), flagged, errors);
            }
        }
    }

    private static FieldProblem toFieldProblem(Error error) {
        String location = error.getInstanceLocation().toString();
        String path = FieldPaths.fromPointer(location);
        return switch (error.getKeyword()) {
            case "required" -> new FieldProblem(FieldPaths.property(path, error.getProperty()), "is required");
            case "additionalProperties" -> new FieldProblem(FieldPaths.property(path, error.getProperty()),
                    "is not a known field");
            default -> new FieldProblem(path.isEmpty() ? FieldPaths.BODY : path, stripLocation(error.getMessage(), location));
        };
    }

    // networknt prefixes its messages with the instance location; the field is reported separately.
    private static String stripLocation(String message, String location) {
        return message.startsWith(location + ": ") ? message.substring(location.length() + 2) : message;
    }
}
