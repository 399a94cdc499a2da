package io.eventgate.infra.events;

import io.eventgate.infra.aws.JsonDocs;
import io.eventgate.infra.provision.CannotConverge;
import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.NamedResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * A rule on the bus and its targets. The pattern and targets are computed from facts (queue ARNs, the carrier key's
 * id, the API destination ARN), so they follow whatever the earlier resources became.
 */
public final class RuleResource extends NamedResource {

    /** What the rule should be, given the facts. */
    public record Desired(String description, String eventPattern, List<Target> targets) {
    }

    private final String rule;
    private final String bus;
    private final Function<Facts, Desired> desired;
    private final EventBridgeClient events;

    public RuleResource(String rule, String bus, Function<Facts, Desired> desired, EventBridgeClient events) {
        super("eventbridge rule", rule);
        this.rule = rule;
        this.bus = bus;
        this.desired = desired;
        this.events = events;
    }

    public static String arnFact(String rule) {
        return "events.rule." + rule + ".arn";
    }

    /** The bus the rule is on. */
    public String bus() {
        return bus;
    }

    /** The pattern, description and targets the rule must have, given the facts: its desired state as data. */
    public Desired desired(Facts facts) {
        return desired.apply(facts);
    }

    @Override
    public Change plan(Facts facts) {
        facts.require(EventBusResource.arnFact(bus));
        Desired wanted = desired.apply(facts);
        Optional<DescribeRuleResponse> live = describe();
        if (live.isEmpty()) {
            return Change.create(() -> {
                putRule(facts, wanted);
                putTargets(wanted.targets());
            });
        }
        facts.put(arnFact(rule), live.get().arn());
        List<String> details = new ArrayList<>();
        boolean ruleDiffers = false;
        if (!JsonDocs.same(live.get().eventPattern(), wanted.eventPattern())) {
            details.add("pattern " + live.get().eventPattern() + " -> " + wanted.eventPattern());
            ruleDiffers = true;
        }
        if (live.get().state() != RuleState.ENABLED) {
            details.add("state " + live.get().stateAsString() + " -> ENABLED");
            ruleDiffers = true;
        }
        if (!Objects.equals(live.get().description(), wanted.description())) {
            details.add("description changed");
            ruleDiffers = true;
        }
        Map<String, Target> liveTargets = new LinkedHashMap<>();
        targets().forEach(t -> liveTargets.put(t.id(), t));
        List<Target> changedTargets = new ArrayList<>();
        for (Target target : wanted.targets()) {
            Target current = liveTargets.remove(target.id());
            if (current == null) {
                details.add("add target " + target.id() + " -> " + target.arn());
                changedTargets.add(target);
            } else {
                List<String> differences = TargetDifferences.between(current, target);
                if (!differences.isEmpty()) {
                    details.add("target " + target.id() + ": " + String.join(", ", differences));
                    changedTargets.add(target);
                }
            }
        }
        List<String> extraTargets = List.copyOf(liveTargets.keySet());
        extraTargets.forEach(id -> details.add("remove target " + id + " (not in the topology)"));
        if (details.isEmpty()) {
            return Change.none();
        }
        boolean updateRule = ruleDiffers;
        return Change.update(details, () -> {
            if (updateRule) {
                putRule(facts, wanted);
            }
            if (!changedTargets.isEmpty()) {
                putTargets(changedTargets);
            }
            if (!extraTargets.isEmpty()) {
                events.removeTargets(b -> b.rule(rule).eventBusName(bus).ids(extraTargets));
            }
        });
    }

    @Override
    public Change planDeletion(Facts facts) {
        if (describe().isEmpty()) {
            return Change.none();
        }
        return Change.delete(() -> {
            List<String> ids = targets().stream().map(Target::id).toList();
            if (!ids.isEmpty()) {
                events.removeTargets(b -> b.rule(rule).eventBusName(bus).ids(ids));
            }
            events.deleteRule(b -> b.name(rule).eventBusName(bus));
        });
    }

    private void putRule(Facts facts, Desired wanted) {
        facts.put(arnFact(rule), events.putRule(b -> b.name(rule).eventBusName(bus).eventPattern(wanted.eventPattern())
                .state(RuleState.ENABLED).description(wanted.description())).ruleArn());
    }

    private void putTargets(List<Target> targets) {
        PutTargetsResponse response = events.putTargets(b -> b.rule(rule).eventBusName(bus).targets(targets));
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            // PutTargets answers 200 and lists the targets it refused.
            var failure = response.failedEntries().getFirst();
            throw new CannotConverge("PutTargets refused target " + failure.targetId() + ": "
                    + failure.errorCode() + " " + failure.errorMessage());
        }
    }

    private List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            var response = events.listTargetsByRule(b -> b.rule(rule).eventBusName(bus).nextToken(page));
            targets.addAll(response.targets());
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
        return targets;
    }

    private Optional<DescribeRuleResponse> describe() {
        try {
            return Optional.of(events.describeRule(b -> b.name(rule).eventBusName(bus)));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }
}
