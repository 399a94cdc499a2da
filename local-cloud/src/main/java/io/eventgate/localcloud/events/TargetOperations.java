package io.eventgate.localcloud.events;

import io.eventgate.localcloud.edge.AwsException;
import io.eventgate.localcloud.events.delivery.DeliveryDispatcher;
import io.eventgate.localcloud.events.delivery.RetryPolicy;
import io.eventgate.localcloud.events.delivery.TargetDelivery;
import io.eventgate.localcloud.events.input.TargetInput;
import io.eventgate.localcloud.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code PutTargets}, {@code ListTargetsByRule}, {@code RemoveTargets}. At most 5 targets per rule, as on AWS. */
final class TargetOperations {

    static final int MAX_TARGETS_PER_RULE = 5;

    private final Buses buses;
    private final RuleOperations rules;
    private final DeliveryDispatcher dispatcher;

    TargetOperations(Buses buses, RuleOperations rules, DeliveryDispatcher dispatcher) {
        this.buses = buses;
        this.rules = rules;
        this.dispatcher = dispatcher;
    }

    JsonNode put(JsonNode input) {
        Rule rule = rules.require(input, "Rule");
        List<Target> given = new ArrayList<>();
        for (JsonNode spec : Params.array(input, "Targets", 1, 10)) {
            given.add(read(spec));
        }
        EventBus bus = buses.require(rule.busName());
        bus.update(rule.name(), current -> {
            Map<String, Target> merged = new LinkedHashMap<>();
            current.targets().forEach(t -> merged.put(t.id(), t));
            given.forEach(t -> merged.put(t.id(), t));
            if (merged.size() > MAX_TARGETS_PER_RULE) {
                throw new AwsException(400, "LimitExceededException",
                        "The requested resource exceeds the maximum number allowed.");
            }
            return current.withTargets(List.copyOf(merged.values()));
        }).orElseThrow(() -> RuleOperations.missing(rule.name(), bus));
        ObjectNode output = Json.object().put("FailedEntryCount", 0);
        output.putArray("FailedEntries");
        return output;
    }

    JsonNode list(JsonNode input) {
        Rule rule = rules.require(input, "Rule");
        return Params.page(input, rule.targets(), Json.object(), "Targets", Target::spec);
    }

    JsonNode remove(JsonNode input) {
        Rule rule = rules.require(input, "Rule");
        Set<String> ids = new HashSet<>();
        Params.array(input, "Ids", 1, 100).forEach(id -> ids.add(id.asString()));
        EventBus bus = buses.require(rule.busName());
        bus.update(rule.name(), current -> current.withTargets(
                current.targets().stream().filter(t -> !ids.contains(t.id())).toList()));
        ObjectNode output = Json.object().put("FailedEntryCount", 0);
        output.putArray("FailedEntries");
        return output;
    }

    /** Restores the rules stored in the data directory, targets rebuilt from their stored PutTargets specs. */
    void restore(io.eventgate.localcloud.state.StateStore state) {
        for (var entry : state.entries("events/rule/")) {
            StoredRule stored = io.eventgate.localcloud.state.StateStore.read(entry.value(), StoredRule.class);
            java.util.Optional<EventBus> bus = buses.find(stored.busName());
            if (bus.isEmpty()) {
                continue;
            }
            List<Target> targets = new ArrayList<>();
            for (JsonNode spec : stored.targets()) {
                targets.add(read(spec));
            }
            bus.get().restore(new Rule(stored.name(), stored.busName(), stored.arn(), stored.eventPattern(),
                    stored.enabled(), stored.description(), stored.roleArn(), targets));
        }
    }

    private Target read(JsonNode spec) {
        if (!spec.isObject()) {
            throw AwsException.validation("Each target must be an object.");
        }
        String id = Params.name(spec, "Id", Params.TARGET_ID, 64);
        String arn = Params.required(spec, "Arn");
        TargetDelivery strategy = dispatcher.strategyFor(arn).orElseThrow(() -> AwsException.validation(
                "Target " + id + ": local-cloud cannot deliver to " + arn
                        + " (supported targets: SQS queues and event buses)"));
        try {
            strategy.validate(spec);
            TargetInput targetInput = TargetInput.of(spec);
            RetryPolicy retryPolicy = RetryPolicy.of(spec.get("RetryPolicy"));
            Optional<String> dlq = Optional.ofNullable(spec.path("DeadLetterConfig").path("Arn").asString(null));
            if (dlq.isPresent() && !dlq.get().startsWith("arn:aws:sqs:")) {
                throw new IllegalArgumentException("DeadLetterConfig.Arn must be the ARN of an SQS queue.");
            }
            if (dlq.isPresent() && dlq.get().endsWith(".fifo")) {
                throw new IllegalArgumentException("DeadLetterConfig.Arn must be a standard queue, not FIFO.");
            }
            return new Target(id, arn, ((ObjectNode) spec).deepCopy(), targetInput, retryPolicy, dlq);
        } catch (IllegalArgumentException e) {
            throw AwsException.validation("Target " + id + ": " + e.getMessage());
        }
    }
}
