package io.eventgate.localcloud.events.archive;

import java.util.Set;

/** Where a replay sends events: the destination bus, matched against its rules as if newly put. */
@FunctionalInterface
public interface ReplayTarget {

    /**
     * Matches a replayed event against the bus's rules and starts their deliveries, waiting for room if needed.
     *
     * @param busArn    the destination bus
     * @param eventJson the archived envelope with {@code replay-name} added
     * @param ruleArns  only these rules may receive it; empty means every rule of the bus
     * @return false when the bus no longer exists
     */
    boolean replay(String busArn, String eventJson, Set<String> ruleArns) throws InterruptedException;
}
