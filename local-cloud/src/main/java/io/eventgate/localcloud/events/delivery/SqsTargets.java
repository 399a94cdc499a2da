package io.eventgate.localcloud.events.delivery;

import io.eventgate.localcloud.sqs.LocalQueues;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** Builds the SQS side of delivery — target strategy and dead-letter queues — sharing one view of the backend's queues. */
public final class SqsTargets {

    private final SqsTargetDelivery targets;
    private final SqsDeadLetters deadLetters;

    /**
     * @param queues    the SQS backend's queues, in-process
     * @param accountId the account served (for {@code aws:SourceAccount} conditions)
     * @param queuePolicies a queue's {@code Policy} document by queue name
     */
    public SqsTargets(LocalQueues queues, Clock clock, String accountId, Executor executor,
                      Function<String, Optional<String>> queuePolicies) {
        SqsGateway gateway = new SqsGateway(queues, clock, queuePolicies);
        this.targets = new SqsTargetDelivery(gateway, accountId, executor);
        this.deadLetters = new SqsDeadLetters(gateway, accountId, executor);
    }

    public TargetDelivery targets() {
        return targets;
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }
}
