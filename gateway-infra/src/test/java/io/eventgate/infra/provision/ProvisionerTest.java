package io.eventgate.infra.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine on its own, with resources that live in a set: ordering, facts, failures, re-runs. */
class ProvisionerTest {

    /** What a cloud API refusal looks like to the engine. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** A resource that exists when its name is in the set; its fact is its name in upper case. */
    static class InSet implements Resource {

        private final String name;
        private final String needs;
        private final Set<String> cloud;
        private final List<String> log;
        private boolean refuseOnce;

        InSet(String name, String needs, Set<String> cloud, List<String> log) {
            this.name = name;
            this.needs = needs;
            this.cloud = cloud;
            this.log = log;
        }

        private String broken;

        InSet refusingOnce() {
            refuseOnce = true;
            return this;
        }

        /** Exists after apply but does not work, as the cloud may accept a resource it cannot use. */
        InSet notWorking(String why) {
            broken = why;
            return this;
        }

        @Override
        public Optional<String> verify(Facts facts) {
            return Optional.ofNullable(broken);
        }

        @Override
        public String kind() {
            return "thing";
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Change plan(Facts facts) {
            String dependency = needs == null ? "" : facts.require(needs);
            if (cloud.contains(name)) {
                facts.put(name, name.toUpperCase());
                return Change.none();
            }
            return Change.create(() -> {
                if (refuseOnce) {
                    refuseOnce = false;
                    throw new Refused("LimitExceeded: try later");
                }
                log.add("create " + name + (dependency.isEmpty() ? "" : " with " + dependency));
                cloud.add(name);
                facts.put(name, name.toUpperCase());
            });
        }

        @Override
        public Change planDeletion(Facts facts) {
            return cloud.contains(name) ? Change.delete(() -> {
                log.add("delete " + name);
                cloud.remove(name);
            }) : Change.none();
        }
    }

    private final Set<String> cloud = new TreeSet<>();
    private final List<String> log = new ArrayList<>();
    private final Provisioner provisioner = new Provisioner(e -> e instanceof Refused
            ? Optional.of("Refused: " + e.getMessage()) : Optional.empty());

    @Test
    void planChangesNothingAndMarksWhatOnlyApplyWillKnow() {
        List<Resource> resources = List.of(new InSet("bus", null, cloud, log), new InSet("rule", "bus", cloud, log));

        Report plan = provisioner.plan(resources);

        assertThat(plan.changes()).hasSize(2);
        assertThat(plan.summary()).isEqualTo("Plan: 2 to create, 0 to update, 0 to replace, 0 unchanged.");
        assertThat(cloud).isEmpty();
        assertThat(log).isEmpty();
    }

    @Test
    void appliesInOrderPassingFactsOnAndASecondRunChangesNothing() {
        List<Resource> resources = List.of(new InSet("bus", null, cloud, log), new InSet("rule", "bus", cloud, log));

        Report first = provisioner.apply(resources);
        Report second = provisioner.apply(resources);

        assertThat(log).containsExactly("create bus", "create rule with BUS");
        assertThat(first.summary()).startsWith("Apply complete: 2 created");
        assertThat(second.summary()).isEqualTo("No changes. The topology matches (2 resources).");
    }

    @Test
    void reportsAFailureSkipsItsDependentsRunsTheRestAndCompletesOnTheNextRun() {
        List<Resource> resources = List.of(new InSet("queue", null, cloud, log).refusingOnce(),
                new InSet("policy", "queue", cloud, log), new InSet("table", null, cloud, log));

        Report failed = provisioner.apply(resources);
        Report rerun = provisioner.apply(resources);

        assertThat(failed.outcomes()).extracting(Outcome::status).containsExactly(Outcome.Status.FAILED,
                Outcome.Status.SKIPPED, Outcome.Status.DONE);
        assertThat(failed.outcomes().getFirst().error()).contains("Refused: LimitExceeded: try later");
        assertThat(failed.outcomes().get(1).error()).hasValueSatisfying(e -> assertThat(e).contains("queue"));
        assertThat(failed.succeeded()).isFalse();
        assertThat(rerun.succeeded()).isTrue();
        assertThat(cloud).containsExactlyInAnyOrder("queue", "policy", "table");
    }

    @Test
    void failsAnApplyWhoseResourceExistsButDoesNotWorkAndVerifiesNothingThatFailedOrWasSkipped() {
        List<Resource> resources = List.of(new InSet("connection", null, cloud, log).notWorking("not authorized"),
                new InSet("destination", "connection", cloud, log),
                new InSet("queue", null, cloud, log).refusingOnce().notWorking("never asked"));

        Report report = provisioner.apply(resources);

        assertThat(report.outcomes()).extracting(Outcome::status).containsExactly(Outcome.Status.FAILED,
                Outcome.Status.DONE, Outcome.Status.FAILED);
        assertThat(report.outcomes().getFirst().error()).hasValue("not authorized");
        assertThat(report.outcomes().getFirst().change().action()).isEqualTo(Change.Action.CREATE);
        assertThat(report.outcomes().get(2).error()).hasValue("Refused: LimitExceeded: try later");
        assertThat(report.succeeded()).isFalse();
        assertThat(report.summary()).startsWith("Apply incomplete: 1 created").contains("2 failed");
        assertThat(cloud).contains("connection", "destination");
    }

    @Test
    void destroysNewestFirst() {
        List<Resource> resources = List.of(new InSet("bus", null, cloud, log), new InSet("rule", "bus", cloud, log));
        provisioner.apply(resources);
        log.clear();

        Report listed = provisioner.destroy(resources, false);
        Report destroyed = provisioner.destroy(resources, true);

        assertThat(listed.summary()).isEqualTo("Destroy plan: 2 to delete.");
        assertThat(log).containsExactly("delete rule", "delete bus");
        assertThat(destroyed.summary()).isEqualTo("Destroy complete: 2 deleted.");
        assertThat(provisioner.destroy(resources, true).summary()).isEqualTo("Nothing to destroy.");
    }

    @Test
    void letsBugsPropagate() {
        Resource broken = new InSet("x", null, cloud, log) {
            @Override
            public Change plan(Facts facts) {
                throw new IllegalStateException("bug");
            }
        };

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> provisioner.apply(List.of(broken)))
                .hasMessage("bug");
    }
}
