package io.eventgate.localcloud.sqs;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code Policy} attribute of every queue. ElasticMQ ignores queue policies, but AWS enforces them (EventBridge may
 * send to a queue only if its policy allows the rule), so local-cloud keeps them itself, by queue name.
 */
public final class QueuePolicies {

    private final Map<String, String> byQueueName = new ConcurrentHashMap<>();

    /** The policy document of a queue, if it has one. */
    public Optional<String> policy(String queueName) {
        return Optional.ofNullable(byQueueName.get(queueName));
    }

    /** Sets (or, with a blank policy, removes) a queue's policy. */
    void put(String queueName, String policy) {
        if (policy == null || policy.isBlank()) {
            byQueueName.remove(queueName);
        } else {
            byQueueName.put(queueName, policy);
        }
    }

    void remove(String queueName) {
        byQueueName.remove(queueName);
    }
}
