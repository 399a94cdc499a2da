package io.eventgate.infra.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Builds {@link InfraSettings} from, lowest precedence first: the defaults on the classpath
 * ({@code io/eventgate/infra/topology.yaml}, with {@code tables} read from the services' layout files
 * {@link #TABLE_LAYOUTS}), an optional YAML file, the environment variables in {@link #ENVIRONMENT},
 * and {@code path=value} overrides (the CLI's {@code --set} and dedicated flags).
 */
public final class SettingsLoader {

    /** Environment variables that override single settings (the names the services and the outputs file use). */
    public static final Map<String, String> ENVIRONMENT = environmentNames();

    private static final String DEFAULTS = "io/eventgate/infra/topology.yaml";

    /**
     * The services' tables, each described once in its owning service's layout file (copied onto this module's
     * classpath by its build): orders-service's {@code orders} and carrier-service's {@code carrier-shipments}.
     */
    public static final List<String> TABLE_LAYOUTS = List.of("eventgate/tables/orders.yaml",
            "eventgate/tables/carrier-shipments.yaml");

    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final Map<String, String> environment;

    public SettingsLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * Merges and validates.
     *
     * @param file      a YAML file merged over the defaults, if given
     * @param overrides {@code path=value} pairs, e.g. {@code carrier.outbound.baseUrl=http://localhost:8081}; values
     *                  are read as YAML, so {@code carrier.eventNames=[OrderShipped]} sets a list
     * @throws InvalidSettingsException naming the offending setting
     */
    public InfraSettings load(Optional<Path> file, Map<String, String> overrides) {
        ObjectNode merged = readDefaults();
        file.ifPresent(path -> merge(merged, readFile(path)));
        ENVIRONMENT.forEach((variable, path) -> {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                set(merged, path, JsonNodeFactory.instance.stringNode(value.strip()));
            }
        });
        overrides.forEach((path, value) -> set(merged, path, parseValue(value)));
        try {
            return yaml.treeToValue(merged, InfraSettings.class);
        } catch (ValueInstantiationException e) {
            throw e.getCause() instanceof InvalidSettingsException invalid
                    ? invalid
                    : new InvalidSettingsException("invalid settings: " + e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            throw new InvalidSettingsException("invalid settings: " + e.getOriginalMessage(), e);
        }
    }

    private ObjectNode readDefaults() {
        ObjectNode defaults = (ObjectNode) readResource(DEFAULTS);
        ArrayNode tables = defaults.putArray("tables");
        TABLE_LAYOUTS.forEach(layout -> tables.add(readResource(layout)));
        return defaults;
    }

    private JsonNode readResource(String resource) {
        try (InputStream in = SettingsLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode readFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new InvalidSettingsException("settings file " + path + " does not exist");
        }
        try {
            JsonNode node = yaml.readTree(path.toFile());
            if (!(node instanceof ObjectNode object)) {
                throw new InvalidSettingsException("settings file " + path + " must hold a YAML mapping");
            }
            return object;
        } catch (JacksonException e) {
            throw new InvalidSettingsException("settings file " + path + " is not valid YAML: "
                    + e.getOriginalMessage(), e);
        }
    }

    private JsonNode parseValue(String value) {
        if (value.isEmpty()) {
            return JsonNodeFactory.instance.stringNode("");
        }
        try {
            JsonNode node = yaml.readTree(value);
            return node == null || node.isMissingNode() ? JsonNodeFactory.instance.stringNode(value) : node;
        } catch (JacksonException e) {
            return JsonNodeFactory.instance.stringNode(value);
        }
    }

    /** Deep merge: objects merge key by key, anything else (lists included) is replaced. */
    private static void merge(ObjectNode target, ObjectNode source) {
        for (Map.Entry<String, JsonNode> entry : source.properties()) {
            JsonNode existing = target.get(entry.getKey());
            if (existing instanceof ObjectNode existingObject && entry.getValue() instanceof ObjectNode sourceObject) {
                merge(existingObject, sourceObject);
            } else {
                target.set(entry.getKey(), entry.getValue());
            }
        }
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        List<String> parts = List.of(path.split("\\."));
        ObjectNode node = root;
        for (String part : parts.subList(0, parts.size() - 1)) {
            JsonNode child = node.get(part);
            if (child == null) {
                throw new InvalidSettingsException("unknown setting '" + path + "'");
            }
            if (!(child instanceof ObjectNode object)) {
                throw new InvalidSettingsException("setting '" + path + "' goes through '" + part
                        + "', which is not a section");
            }
            node = object;
        }
        String leaf = parts.getLast();
        if (!node.has(leaf)) {
            throw new InvalidSettingsException("unknown setting '" + path + "'");
        }
        node.set(leaf, value);
    }

    private static Map<String, String> environmentNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("EVENTGATE_AWS_ENDPOINT", "aws.endpoint");
        names.put("EVENTGATE_AWS_REGION", "aws.region");
        names.put("EVENTGATE_AWS_ACCOUNT_ID", "aws.accountId");
        names.put("EVENTGATE_EVENT_BUS_NAME", "bus.name");
        names.put("EVENTGATE_GATEWAY_STAGE", "gateway.stage");
        names.put("EVENTGATE_CARRIER_BASE_URL", "carrier.outbound.baseUrl");
        names.put("EVENTGATE_APIGATEWAY_ROLE_ARN", "iam.apiGatewayRoleArn");
        names.put("EVENTGATE_EVENTBRIDGE_ROLE_ARN", "iam.eventBridgeRoleArn");
        return Map.copyOf(names);
    }
}
