package io.eventgate.infra.provision;

import java.util.List;

/**
 * What a resource needs to match the topology, and the step that does it.
 *
 * @param action  what kind of change
 * @param details one line per differing property (never a secret value)
 * @param step    performs the change; publishes the facts of what it created. Does nothing for {@link Action#NONE}.
 */
public record Change(Action action, List<String> details, Step step) {

    /** The kinds of change, with the sign {@code plan} prints in front of each. */
    public enum Action {
        NONE("="), CREATE("+"), UPDATE("~"), REPLACE("-/+"), DELETE("-");

        private final String sign;

        Action(String sign) {
            this.sign = sign;
        }

        public String sign() {
            return sign;
        }
    }

    /** Performs one change with the AWS APIs. */
    @FunctionalInterface
    public interface Step {
        void run();
    }

    public Change {
        details = List.copyOf(details);
    }

    public static Change none() {
        return new Change(Action.NONE, List.of(), () -> { });
    }

    public static Change create(Step step) {
        return new Change(Action.CREATE, List.of(), step);
    }

    public static Change update(List<String> details, Step step) {
        return new Change(Action.UPDATE, details, step);
    }

    public static Change replace(List<String> details, Step step) {
        return new Change(Action.REPLACE, details, step);
    }

    public static Change delete(Step step) {
        return new Change(Action.DELETE, List.of(), step);
    }

    public boolean changes() {
        return action != Action.NONE;
    }
}
