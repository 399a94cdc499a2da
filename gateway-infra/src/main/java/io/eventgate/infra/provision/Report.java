package io.eventgate.infra.provision;

import io.eventgate.infra.provision.Change.Action;
import java.util.List;

/** The outcome of a plan, apply or destroy, resource by resource, and the facts gathered on the way. */
public record Report(Verb verb, List<Outcome> outcomes, Facts facts) {

    /** What the run did. */
    public enum Verb {
        PLAN, APPLY, DESTROY_PLAN, DESTROY
    }

    public Report {
        outcomes = List.copyOf(outcomes);
    }

    public boolean succeeded() {
        return outcomes.stream().allMatch(o -> o.status() == Outcome.Status.DONE);
    }

    /** The resources that need (or needed) a change. */
    public List<Outcome> changes() {
        return outcomes.stream().filter(o -> o.change().changes()).toList();
    }

    public long count(Action action) {
        return outcomes.stream()
                .filter(o -> o.status() == Outcome.Status.DONE && o.change().action() == action)
                .count();
    }

    private long unchanged() {
        return outcomes.stream()
                .filter(o -> o.status() == Outcome.Status.DONE && !o.change().changes())
                .count();
    }

    public String summary() {
        long failed = outcomes.stream().filter(o -> o.status() == Outcome.Status.FAILED).count();
        long skipped = outcomes.stream().filter(o -> o.status() == Outcome.Status.SKIPPED).count();
        String failures = failed + skipped == 0 ? ""
                : " " + failed + " failed, " + skipped + " skipped (fix the cause and run it again).";
        return switch (verb) {
            case PLAN -> changes().isEmpty() && failed == 0
                    ? "No changes. The topology matches (" + outcomes.size() + " resources)."
                    : "Plan: " + count(Action.CREATE) + " to create, " + count(Action.UPDATE) + " to update, "
                            + count(Action.REPLACE) + " to replace, " + unchanged() + " unchanged." + failures;
            case APPLY -> changes().isEmpty() && failed == 0
                    ? "No changes. The topology matches (" + outcomes.size() + " resources)."
                    : "Apply " + (succeeded() ? "complete" : "incomplete") + ": " + count(Action.CREATE)
                            + " created, " + count(Action.UPDATE) + " updated, " + count(Action.REPLACE)
                            + " replaced, " + unchanged() + " unchanged." + failures;
            case DESTROY_PLAN -> "Destroy plan: " + count(Action.DELETE) + " to delete." + failures;
            case DESTROY -> changes().isEmpty() && failed == 0
                    ? "Nothing to destroy."
                    : "Destroy " + (succeeded() ? "complete" : "incomplete") + ": " + count(Action.DELETE)
                            + " deleted." + failures;
        };
    }
}
