package io.eventgate.localcloud.events;

import java.util.List;
import java.util.Optional;

/**
 * One rule; immutable, replaced as a whole on every change.
 *
 * @param eventPattern the pattern as given; empty for a rule that has none
 * @param targets      in the order they were first added
 */
record Rule(String name, String busName, String arn, Optional<String> eventPattern, boolean enabled,
            Optional<String> description, Optional<String> roleArn, List<Target> targets) {

    Rule {
        targets = List.copyOf(targets);
    }

    Rule withTargets(List<Target> newTargets) {
        return new Rule(name, busName, arn, eventPattern, enabled, description, roleArn, newTargets);
    }

    Rule withEnabled(boolean newEnabled) {
        return new Rule(name, busName, arn, eventPattern, newEnabled, description, roleArn, targets);
    }
}
