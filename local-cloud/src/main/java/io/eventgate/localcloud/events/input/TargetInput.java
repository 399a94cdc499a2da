package io.eventgate.localcloud.events.input;

import io.eventgate.localcloud.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What one target makes of a matched event: one of {@code Input}, {@code InputPath}, {@code InputTransformer}, or
 * (none given) the event itself. Immutable and thread-safe; built once at {@code PutTargets}.
 */
public sealed interface TargetInput {

    /** The text sent to the target for this event. */
    String render(MatchedEvent event);

    /**
     * Reads the input settings of one {@code PutTargets} target.
     *
     * @throws IllegalArgumentException with AWS's reason when the settings are not valid
     */
    static TargetInput of(JsonNode target) {
        boolean input = target.hasNonNull("Input");
        boolean inputPath = target.hasNonNull("InputPath");
        boolean transformer = target.hasNonNull("InputTransformer");
        if ((input ? 1 : 0) + (inputPath ? 1 : 0) + (transformer ? 1 : 0) > 1) {
            throw new IllegalArgumentException("Only one of Input, InputPath, or InputTransformer must be provided.");
        }
        if (input) {
            String text = target.get("Input").asString();
            try {
                Json.parse(text);
            } catch (JacksonException e) {
                throw new IllegalArgumentException("Input is not valid JSON text.");
            }
            return new Constant(text);
        }
        if (inputPath) {
            return new Path(JsonPath.compile(target.get("InputPath").asString()));
        }
        if (transformer) {
            return Transformer.of(target.get("InputTransformer"));
        }
        return new WholeEvent();
    }

    /**
     * A matched event as target input sees it.
     *
     * @param event         the envelope
     * @param eventJson     the envelope as sent on the wire
     * @param ruleArn       the matching rule
     * @param ruleName      its name
     * @param ingestionTime when PutEvents accepted the event
     */
    record MatchedEvent(JsonNode event, String eventJson, String ruleArn, String ruleName, Instant ingestionTime) {
    }

    /** No input settings: the event envelope. */
    record WholeEvent() implements TargetInput {
        @Override
        public String render(MatchedEvent event) {
            return event.eventJson();
        }
    }

    /** {@code Input}: constant JSON text, sent as given. */
    record Constant(String text) implements TargetInput {
        @Override
        public String render(MatchedEvent event) {
            return text;
        }
    }

    /** {@code InputPath}: the selected part of the event; JSON {@code null} when the path is not in the event. */
    record Path(JsonPath path) implements TargetInput {
        @Override
        public String render(MatchedEvent event) {
            return path.read(event.event()).map(Json::text).orElse("null");
        }
    }

    /** {@code InputTransformer}: {@code InputPathsMap} variables rendered into {@code InputTemplate}. */
    record Transformer(Map<String, JsonPath> paths, String template) implements TargetInput {

        private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_\\-]+");

        static Transformer of(JsonNode spec) {
            JsonNode template = spec.get("InputTemplate");
            if (template == null || !template.isString() || template.asString().isEmpty()) {
                throw new IllegalArgumentException("InputTransformer.InputTemplate is required.");
            }
            if (template.asString().length() > 8192) {
                throw new IllegalArgumentException("InputTransformer.InputTemplate exceeds 8192 characters.");
            }
            Map<String, JsonPath> paths = new LinkedHashMap<>();
            JsonNode map = spec.get("InputPathsMap");
            if (map != null && !map.isNull()) {
                if (!map.isObject() || map.size() > 100) {
                    throw new IllegalArgumentException("InputTransformer.InputPathsMap must map at most 100 names "
                            + "to JSON paths.");
                }
                for (var entry : map.properties()) {
                    if (!NAME.matcher(entry.getKey()).matches() || entry.getKey().length() > 256) {
                        throw new IllegalArgumentException("InputPathsMap key '" + entry.getKey()
                                + "' must match [A-Za-z0-9_-]+ (at most 256 characters).");
                    }
                    paths.put(entry.getKey(), JsonPath.compile(entry.getValue().asString()));
                }
            }
            return new Transformer(Map.copyOf(paths), template.asString());
        }

        @Override
        public String render(MatchedEvent event) {
            return TemplateRenderer.render(template, variables(event), event);
        }

        private Map<String, JsonNode> variables(MatchedEvent event) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            paths.forEach((name, path) -> values.put(name, path.read(event.event()).orElse(null)));
            return values;
        }
    }
}
