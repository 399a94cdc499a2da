package io.eventgate.infra.provision;

import java.util.Optional;

/**
 * One AWS resource of the topology. Implementations read the live resource, compare it with the desired one and
 * return the {@link Change} that would make them match, without changing anything while planning.
 *
 * <p>A resource that exists publishes its facts (id, ARN, URL) into {@link Facts} from {@link #plan} already, so that
 * later resources can refer to it; a {@link Change.Step} publishes the facts of what it creates.
 */
public interface Resource {

    /** What kind of resource, as printed in plans: {@code sqs queue}, {@code eventbridge rule}, ... */
    String kind();

    /** Its name within the topology. */
    String name();

    /** The change that makes the live resource match the topology ({@link Change#none()} when it does). */
    Change plan(Facts facts);

    /** The change that removes the resource, or {@link Change#none()} when it is not there. */
    Change planDeletion(Facts facts);

    /**
     * After {@code apply}: what keeps the live resource from doing its job, if anything, said so that the operator
     * knows why and what to do. A resource that settles asynchronously (a connection being authorized) is waited
     * for. Most resources work once they exist and keep this default.
     */
    default Optional<String> verify(Facts facts) {
        return Optional.empty();
    }
}
