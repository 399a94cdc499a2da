package io.eventgate.localcloud.sqs;

import io.eventgate.localcloud.state.StateStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code Policy} attribute of every queue. ElasticMQ ignores queue policies, but AWS enforces them (EventBridge may
 * send to a queue only if its policy allows the rule), so local-cloud keeps them itself, by queue name.
 */
public final class QueuePolicies {

    private static final String KEY = "sqs/policy/";

    private final Map<String, String> byQueueName = new ConcurrentHashMap<>();
    private final StateStore state;

    QueuePolicies() {
        this(StateStore.inMemory());
    }

    /** The policies stored in the data directory, read back. */
    QueuePolicies(StateStore state) {
        this.state = state;
        state.entries(KEY).forEach(e -> byQueueName.put(e.key().substring(KEY.length()), e.value().asString()));
    }

    /** The policy document of a queue, if it has one. */
    public Optional<String> policy(String queueName) {
        return Optional.ofNullable(byQueueName.get(queueName));
    }

    /** Sets (or, with a blank policy, removes) a queue's policy. */
    void put(String queueName, String policy) {
        if (policy == null || policy.isBlank()) {
            remove(queueName);
        } else {
            byQueueName.compute(queueName, (name, old) -> {
                state.put(KEY + name, policy);
                return policy;
            });
        }
    }

    void remove(String queueName) {
        byQueueName.computeIfPresent(queueName, (name, old) -> {
            state.delete(KEY + name);
            return null;
        });
    }
}
