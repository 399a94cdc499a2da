package io.eventgate.deploy.gateway;

import io.eventgate.infra.events.RuleResource;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.events.EventBus;
import software.constructs.Construct;

/**
 * The bus rules with gateway-infra's patterns and targets verbatim (input transformers, HTTP parameters, retry
 * policies, DLQs) — the L1 rule, because the L2 one generates its own input-transformer names.
 */
final class Rules extends Construct {

    /** gateway-infra puts every rule enabled. */
    static final String STATE = "ENABLED";

    private final Built built;
    private final Map<String, CfnRule> rules = new LinkedHashMap<>();

    Rules(Construct scope, Built built) {
        super(scope, "Rules");
        this.built = built;
    }

    Map<String, CfnRule> all() {
        return rules;
    }

    void add(RuleResource resource) {
        RuleResource.Desired wanted = resource.desired(built.facts);
        EventBus bus = Built.require(built.buses, resource.bus(), "event bus");
        CfnRule rule = CfnRule.Builder.create(this, Ids.of(resource.name()))
                .name(resource.name())
                .eventBusName(bus.getEventBusName())
                .eventPattern(Json.tree(wanted.eventPattern()))
                .state(STATE)
                .description(wanted.description())
                .targets(wanted.targets().stream().map(RuleTargets::of).toList())
                .build();
        rules.put(resource.name(), rule);
        built.facts.put(RuleResource.arnFact(resource.name()), rule.getAttrArn());
    }
}
