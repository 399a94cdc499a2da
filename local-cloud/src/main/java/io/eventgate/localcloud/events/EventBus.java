package io.eventgate.localcloud.events;

import io.eventgate.localcloud.edge.AwsException;
import io.eventgate.localcloud.state.StateStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import software.amazon.event.ruler.Machine;

/**
 * One event bus: its rules and an event-ruler {@link Machine} holding their patterns. Matching runs concurrently with
 * rule changes; changes are serialised on the bus.
 */
final class EventBus {

    private final String name;
    private final String arn;
    private final Optional<String> description;
    private final Instant created;
    private final Map<String, Rule> rules = new ConcurrentHashMap<>();
    private final Machine machine = new Machine();
    private final StateStore state;

    EventBus(String name, String arn, Optional<String> description, Instant created, StateStore state) {
        this.name = name;
        this.arn = arn;
        this.description = description;
        this.created = created;
        this.state = state;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    Optional<String> description() {
        return description;
    }

    Instant created() {
        return created;
    }

    Optional<Rule> rule(String ruleName) {
        return Optional.ofNullable(rules.get(ruleName));
    }

    Collection<Rule> rules() {
        return rules.values();
    }

    /** Adds or replaces a rule; the pattern must already have passed validation. */
    synchronized void put(Rule rule) {
        restore(rule);
        state.put(StoredRule.key(name, rule.name()), StoredRule.of(rule));
    }

    /** Adds or replaces a rule without storing it (it was read from the data directory). */
    synchronized void restore(Rule rule) {
        Rule old = rules.put(rule.name(), rule);
        if (old != null && old.eventPattern().equals(rule.eventPattern())) {
            return;
        }
        try {
            if (old != null && old.eventPattern().isPresent()) {
                machine.deleteRule(old.name(), old.eventPattern().get());
            }
            if (rule.eventPattern().isPresent()) {
                machine.addRule(rule.name(), rule.eventPattern().get());
            }
        } catch (IOException | RuntimeException e) {
            throw new AwsException(400, "InvalidEventPatternException", "Event pattern is not valid. Reason: " + e);
        }
    }

    /** Changes a rule under the bus lock; returns the new rule, or empty when there is no such rule. */
    synchronized Optional<Rule> update(String ruleName, UnaryOperator<Rule> change) {
        Rule current = rules.get(ruleName);
        if (current == null) {
            return Optional.empty();
        }
        Rule changed = change.apply(current);
        put(changed);
        return Optional.of(changed);
    }

    synchronized Optional<Rule> remove(String ruleName) {
        Rule old = rules.remove(ruleName);
        if (old != null) {
            state.delete(StoredRule.key(name, ruleName));
        }
        if (old != null && old.eventPattern().isPresent()) {
            try {
                machine.deleteRule(old.name(), old.eventPattern().get());
            } catch (IOException e) {
                throw new IllegalStateException("stored pattern of " + old.arn() + " no longer parses", e);
            }
        }
        return Optional.ofNullable(old);
    }

    /** The enabled rules whose pattern matches the event. */
    List<Rule> match(String eventJson) {
        List<String> names;
        try {
            names = machine.rulesForJSONEvent(eventJson);
        } catch (Exception e) {
            throw new IllegalArgumentException("event is not valid JSON: " + e.getMessage(), e);
        }
        List<Rule> matched = new ArrayList<>(names.size());
        for (String ruleName : names) {
            Rule rule = rules.get(ruleName);
            if (rule != null && rule.enabled()) {
                matched.add(rule);
            }
        }
        return matched;
    }
}
