package io.eventgate.localcloud.events;

import io.eventgate.localcloud.events.delivery.RetryPolicy;
import io.eventgate.localcloud.events.input.TargetInput;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * One target of a rule, as {@code PutTargets} gave it (kept for {@code ListTargetsByRule}) and as delivery uses it.
 */
record Target(String id, String arn, ObjectNode spec, TargetInput input, RetryPolicy retryPolicy,
              Optional<String> deadLetterArn) {
}
