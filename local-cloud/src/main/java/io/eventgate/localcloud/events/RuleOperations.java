package io.eventgate.localcloud.events;

import io.eventgate.localcloud.edge.AwsException;
import io.eventgate.localcloud.json.Json;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code PutRule}, {@code DescribeRule}, {@code ListRules}, {@code EnableRule}, {@code DisableRule},
 * {@code DeleteRule} and {@code TestEventPattern}. Patterns are validated and matched by AWS's event-ruler.
 */
final class RuleOperations {

    private static final List<String> EVENT_FIELDS = List.of("id", "account", "source", "time", "region",
            "detail-type");

    private final Buses buses;
    private final String accountId;

    RuleOperations(Buses buses) {
        this.buses = buses;
        this.accountId = buses.arns().accountId();
    }

    JsonNode put(JsonNode input) {
        String name = Params.name(input, "Name", Params.RULE_NAME, 64);
        EventBus bus = buses.require(Arns.busName(Params.optional(input, "EventBusName").orElse(null)));
        Optional<String> pattern = Params.optional(input, "EventPattern");
        if (input.hasNonNull("ScheduleExpression")) {
            throw AwsException.validation(Arns.DEFAULT_BUS.equals(bus.name())
                    ? "local-cloud does not run scheduled rules (ScheduleExpression)."
                    : "ScheduleExpression is supported only on the default event bus.");
        }
        if (pattern.isEmpty()) {
            throw AwsException.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        validatePattern(pattern.get());
        boolean enabled = switch (Params.optional(input, "State").orElse("ENABLED")) {
            case "ENABLED" -> true;
            case "DISABLED" -> false;
            default -> throw AwsException.validation("1 validation error detected: Value at 'state' failed to "
                    + "satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]");
        };
        String arn = buses.arns().rule(bus.name(), name);
        List<Target> targets = bus.rule(name).map(Rule::targets).orElse(List.of());
        bus.put(new Rule(name, bus.name(), arn, pattern, enabled, Params.optional(input, "Description"),
                Params.optional(input, "RoleArn"), targets));
        buses.tag(arn, TagOperations.read(input.path("Tags")));
        return Json.object().put("RuleArn", arn);
    }

    JsonNode describe(JsonNode input) {
        Rule rule = require(input, "Name");
        return render(rule).put("CreatedBy", accountId);
    }

    JsonNode list(JsonNode input) {
        EventBus bus = buses.require(Arns.busName(Params.optional(input, "EventBusName").orElse(null)));
        String prefix = Params.optional(input, "NamePrefix").orElse("");
        List<Rule> rules = bus.rules().stream().filter(r -> r.name().startsWith(prefix))
                .sorted(Comparator.comparing(Rule::name)).toList();
        return Params.page(input, rules, Json.object(), "Rules", this::render);
    }

    JsonNode enable(JsonNode input) {
        return setEnabled(input, true);
    }

    JsonNode disable(JsonNode input) {
        return setEnabled(input, false);
    }

    JsonNode delete(JsonNode input) {
        String name = Params.name(input, "Name", Params.RULE_NAME, 64);
        EventBus bus = buses.require(Arns.busName(Params.optional(input, "EventBusName").orElse(null)));
        bus.rule(name).ifPresent(rule -> {
            if (!rule.targets().isEmpty()) {
                throw AwsException.validation("Rule can't be deleted since it has targets.");
            }
            bus.remove(name);
            buses.forgetTags(rule.arn());
        });
        return Json.object();
    }

    JsonNode testEventPattern(JsonNode input) {
        String pattern = Params.required(input, "EventPattern");
        String eventText = Params.required(input, "Event");
        validatePattern(pattern);
        JsonNode event;
        try {
            event = Json.parse(eventText);
        } catch (JacksonException e) {
            throw AwsException.validation("Parameter Event is not valid.");
        }
        for (String field : EVENT_FIELDS) {
            if (!event.isObject() || !event.hasNonNull(field)) {
                throw AwsException.validation("Parameter Event is not valid. Reason: Provided Event is missing "
                        + "required field " + field + ".");
            }
        }
        try {
            Machine machine = new Machine();
            machine.addRule("test", pattern);
            return Json.object().put("Result", !machine.rulesForJSONEvent(eventText).isEmpty());
        } catch (Exception e) {
            throw new AwsException(400, "InvalidEventPatternException", "Event pattern is not valid. Reason: "
                    + e.getMessage());
        }
    }

    /** A pattern must be a JSON object that event-ruler compiles. */
    static void validatePattern(String pattern) {
        String problem;
        try {
            problem = Json.parse(pattern).isObject() ? JsonRuleCompiler.check(pattern)
                    : "Event pattern must be a JSON object";
        } catch (JacksonException e) {
            problem = "Filter is not valid JSON";
        }
        if (problem != null) {
            throw new AwsException(400, "InvalidEventPatternException", "Event pattern is not valid. Reason: "
                    + problem);
        }
    }

    private JsonNode setEnabled(JsonNode input, boolean enabled) {
        String name = Params.name(input, "Name", Params.RULE_NAME, 64);
        EventBus bus = buses.require(Arns.busName(Params.optional(input, "EventBusName").orElse(null)));
        bus.update(name, rule -> rule.withEnabled(enabled)).orElseThrow(() -> missing(name, bus));
        return Json.object();
    }

    Rule require(JsonNode input, String field) {
        String name = Params.name(input, field, Params.RULE_NAME, 64);
        EventBus bus = buses.require(Arns.busName(Params.optional(input, "EventBusName").orElse(null)));
        return bus.rule(name).orElseThrow(() -> missing(name, bus));
    }

    static AwsException missing(String name, EventBus bus) {
        return AwsException.notFound("Rule " + name + " does not exist on EventBus " + bus.name() + ".");
    }

    private ObjectNode render(Rule rule) {
        ObjectNode node = Json.object().put("Name", rule.name()).put("Arn", rule.arn());
        rule.eventPattern().ifPresent(p -> node.put("EventPattern", p));
        node.put("State", rule.enabled() ? "ENABLED" : "DISABLED");
        rule.description().ifPresent(d -> node.put("Description", d));
        rule.roleArn().ifPresent(r -> node.put("RoleArn", r));
        node.put("EventBusName", rule.busName());
        return node;
    }
}
