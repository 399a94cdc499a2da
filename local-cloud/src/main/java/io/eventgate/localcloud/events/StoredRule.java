package io.eventgate.localcloud.events;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A rule as it is stored in a data directory: its settings and its targets exactly as {@code PutTargets} gave them,
 * so that a restart rebuilds each target through the same validation as the call did.
 */
record StoredRule(String name, String busName, String arn, Optional<String> eventPattern, boolean enabled,
                  Optional<String> description, Optional<String> roleArn, List<JsonNode> targets) {

    static StoredRule of(Rule rule) {
        return new StoredRule(rule.name(), rule.busName(), rule.arn(), rule.eventPattern(), rule.enabled(),
                rule.description(), rule.roleArn(), rule.targets().stream().map(t -> (JsonNode) t.spec()).toList());
    }

    static String key(String busName, String ruleName) {
        return "events/rule/" + busName + "/" + ruleName;
    }
}
