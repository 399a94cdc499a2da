package io.eventgate.localcloud.events.input;

import io.eventgate.localcloud.json.Json;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Fills an {@code InputTemplate}, following EventBridge's rules:
 * <ul>
 *   <li>A template that is JSON (starts with {@code {}, {@code [} or {@code "}) is scanned for string literals. A
 *       placeholder <em>inside</em> quotes takes the value as raw text — a string's characters, any other value's JSON
 *       text — escaped so that the literal stays valid JSON. A placeholder <em>outside</em> quotes takes the value as
 *       a JSON value (a string arrives quoted). The result is minified, as EventBridge passes JSON minified.</li>
 *   <li>Any other template is plain text: every placeholder takes the raw text.</li>
 *   <li>Reserved variables: {@code aws.events.rule-arn}, {@code aws.events.rule-name},
 *       {@code aws.events.event.ingestion-time} (ISO 8601), {@code aws.events.event} (the event without
 *       {@code detail}) and {@code aws.events.event.json} (the whole event); the last two are inserted unescaped, as
 *       AWS documents, so they belong outside quotes.</li>
 *   <li>A variable whose path is not in the event is not created (AWS's words). To keep the output valid JSON,
 *       local-cloud renders it as nothing inside quotes and in plain text, and as {@code null} outside quotes.</li>
 *   <li>A placeholder naming no variable stays as written.</li>
 * </ul>
 */
final class TemplateRenderer {

    static final String RULE_ARN = "aws.events.rule-arn";
    static final String RULE_NAME = "aws.events.rule-name";
    static final String INGESTION_TIME = "aws.events.event.ingestion-time";
    static final String EVENT = "aws.events.event";
    static final String EVENT_JSON = "aws.events.event.json";

    private TemplateRenderer() {
    }

    static String render(String template, Map<String, JsonNode> variables, TargetInput.MatchedEvent event) {
        String trimmed = template.strip();
        boolean json = trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("\"");
        StringBuilder out = new StringBuilder(template.length() + 64);
        boolean inString = false;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (json && inString && c == '\\' && i + 1 < template.length()) {
                out.append(c).append(template.charAt(i + 1));
                i += 2;
                continue;
            }
            if (json && c == '"') {
                inString = !inString;
            } else if (c == '<') {
                int end = template.indexOf('>', i + 1);
                String name = end < 0 ? null : template.substring(i + 1, end);
                if (name != null && (variables.containsKey(name) || isReserved(name))) {
                    out.append(replacement(name, variables, event, json, inString));
                    i = end + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        String rendered = out.toString();
        if (json && !trimmed.startsWith("\"")) {
            try {
                return Json.text(Json.parse(rendered));
            } catch (JacksonException e) {
                return rendered;
            }
        }
        return rendered;
    }

    private static boolean isReserved(String name) {
        return switch (name) {
            case RULE_ARN, RULE_NAME, INGESTION_TIME, EVENT, EVENT_JSON -> true;
            default -> false;
        };
    }

    private static String replacement(String name, Map<String, JsonNode> variables, TargetInput.MatchedEvent event,
                                      boolean json, boolean inString) {
        switch (name) {
            case EVENT_JSON:
                return event.eventJson();
            case EVENT:
                ObjectNode withoutDetail = ((ObjectNode) event.event()).deepCopy();
                withoutDetail.remove("detail");
                return Json.text(withoutDetail);
            default:
                break;
        }
        JsonNode value = switch (name) {
            case RULE_ARN -> StringNode.valueOf(event.ruleArn());
            case RULE_NAME -> StringNode.valueOf(event.ruleName());
            case INGESTION_TIME -> StringNode.valueOf(
                    DateTimeFormatter.ISO_INSTANT.format(event.ingestionTime().truncatedTo(ChronoUnit.MILLIS)));
            default -> variables.get(name);
        };
        if (!json) {
            return value == null ? "" : rawText(value);
        }
        if (inString) {
            return value == null ? "" : escape(rawText(value));
        }
        return value == null ? "null" : Json.text(value);
    }

    private static String rawText(JsonNode value) {
        return value.isString() ? value.asString() : Json.text(value);
    }

    /** JSON string escaping without the surrounding quotes. */
    private static String escape(String raw) {
        String quoted = Json.text(StringNode.valueOf(raw));
        return quoted.substring(1, quoted.length() - 1);
    }
}
