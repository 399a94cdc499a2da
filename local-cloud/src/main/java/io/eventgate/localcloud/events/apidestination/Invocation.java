package io.eventgate.localcloud.events.apidestination;

import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One attempt to deliver one event to one API destination target.
 *
 * @param destinationArn the target's ARN
 * @param ruleArn        the rule that matched (for the log line and counter)
 * @param targetId       the target's id within the rule
 * @param attempt        1 for the first attempt, 2 for the first retry, ...
 * @param payload        the body: the event, or what the target's Input/InputPath/InputTransformer made of it
 * @param event          the event envelope, which JSON-path parameters are resolved against
 * @param parameters     the target's {@code HttpParameters}
 * @param deadline       when the event reaches its maximum age: waiting for the rate limit stops there
 */
public record Invocation(String destinationArn, String ruleArn, String targetId, int attempt, String payload,
                         JsonNode event, TargetHttpParameters parameters, Instant deadline) {

    public Invocation {
        Objects.requireNonNull(destinationArn, "destinationArn");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(deadline, "deadline");
    }
}
