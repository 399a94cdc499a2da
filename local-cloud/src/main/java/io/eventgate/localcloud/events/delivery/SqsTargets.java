package io.eventgate.localcloud.events.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** Builds the SQS side of delivery — target strategy and dead-letter queues — sharing one backend connection. */
public final class SqsTargets {

    private final SqsTargetDelivery targets;
    private final SqsDeadLetters deadLetters;

    /**
     * @param backend   the SQS backend's own URL (ElasticMQ's loopback port, not the edge)
     * @param accountId the account served (for {@code aws:SourceAccount} conditions)
     * @param queuePolicies a queue's {@code Policy} document by queue name
     */
    public SqsTargets(URI backend, HttpClient http, Clock clock, String accountId, Executor executor,
                      Function<String, Optional<String>> queuePolicies) {
        SqsGateway gateway = new SqsGateway(backend, http, clock, queuePolicies);
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
