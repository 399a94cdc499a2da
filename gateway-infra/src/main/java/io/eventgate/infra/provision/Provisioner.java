package io.eventgate.infra.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs resources in order. Each resource is planned against the live state just before it is applied, so a step sees
 * what the steps before it created; a failure is recorded against its resource, resources that depend on it are
 * skipped, the others still run, and a second run picks up where the first stopped. After the last step every
 * resource that was applied is verified: one that exists but cannot work (a connection that is not authorized) fails
 * the run too, because the cloud may accept a resource it will never use.
 */
public final class Provisioner {

    private static final Logger log = LoggerFactory.getLogger(Provisioner.class);

    private final Function<RuntimeException, Optional<String>> cloudError;

    /**
     * @param cloudError describes an exception that is a refusal of the cloud API (code and message); empty for
     *                   anything else, which is a bug and propagates
     */
    public Provisioner(Function<RuntimeException, Optional<String>> cloudError) {
        this.cloudError = cloudError;
    }

    /** What {@link #apply} would change, changing nothing. */
    public Report plan(List<Resource> resources) {
        Facts facts = Facts.forPlanning();
        List<Outcome> outcomes = new ArrayList<>();
        for (Resource resource : resources) {
            outcomes.add(run(resource, facts, () -> resource.plan(facts), false));
        }
        return new Report(Report.Verb.PLAN, outcomes, facts);
    }

    /** Creates or converges every resource, then verifies that each one that is in place works. */
    public Report apply(List<Resource> resources) {
        Facts facts = Facts.forApplying();
        List<Outcome> outcomes = new ArrayList<>();
        for (Resource resource : resources) {
            outcomes.add(run(resource, facts, () -> resource.plan(facts), true));
        }
        List<Outcome> verified = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            verified.add(verify(resources.get(i), outcomes.get(i), facts));
        }
        return new Report(Report.Verb.APPLY, verified, facts);
    }

    /**
     * Deletes every resource, newest first.
     *
     * @param execute {@code false} only lists what would be deleted
     */
    public Report destroy(List<Resource> resources, boolean execute) {
        Facts facts = execute ? Facts.forApplying() : Facts.forPlanning();
        // Deletion still needs the facts (ids, ARNs) of resources that refer to each other: gather them first.
        Facts gathered = Facts.forPlanning();
        for (Resource resource : resources) {
            run(resource, gathered, () -> resource.plan(gathered), false);
        }
        gathered.all().forEach(facts::put);
        List<Outcome> outcomes = new ArrayList<>();
        for (Resource resource : resources.reversed()) {
            outcomes.add(run(resource, facts, () -> resource.planDeletion(facts), execute));
        }
        return new Report(execute ? Report.Verb.DESTROY : Report.Verb.DESTROY_PLAN, outcomes, facts);
    }

    private Outcome verify(Resource resource, Outcome outcome, Facts facts) {
        if (outcome.status() != Outcome.Status.DONE) {
            return outcome;
        }
        try {
            return resource.verify(facts)
                    .map(problem -> new Outcome(resource.kind(), resource.name(), outcome.change(),
                            Outcome.Status.FAILED, Optional.of(problem)))
                    .orElse(outcome);
        } catch (RuntimeException e) {
            Optional<String> error = cloudError.apply(e);
            if (error.isEmpty()) {
                throw e;
            }
            return new Outcome(resource.kind(), resource.name(), outcome.change(), Outcome.Status.FAILED, error);
        }
    }

    private Outcome run(Resource resource, Facts facts, Supplier<Change> planner, boolean execute) {
        Change change = Change.none();
        try {
            change = planner.get();
            if (execute && change.changes()) {
                log.debug("{} {} {}", change.action(), resource.kind(), resource.name());
                change.step().run();
            }
            return new Outcome(resource.kind(), resource.name(), change, Outcome.Status.DONE, Optional.empty());
        } catch (DependencyUnavailable e) {
            return new Outcome(resource.kind(), resource.name(), change, Outcome.Status.SKIPPED,
                    Optional.of(e.getMessage()));
        } catch (CannotConverge e) {
            return new Outcome(resource.kind(), resource.name(), change, Outcome.Status.FAILED,
                    Optional.of(e.getMessage()));
        } catch (RuntimeException e) {
            Optional<String> error = cloudError.apply(e);
            if (error.isEmpty()) {
                throw e;
            }
            return new Outcome(resource.kind(), resource.name(), change, Outcome.Status.FAILED, error);
        }
    }
}
