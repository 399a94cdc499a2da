package io.eventgate.infra.sqs;

import io.eventgate.infra.aws.JsonDocs;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON documents queues carry: who may send to them, and where their poison messages go. */
public final class QueuePolicies {

    private QueuePolicies() {
    }

    /**
     * Lets EventBridge send to the queue on behalf of the given rules only: principal {@code events.amazonaws.com},
     * action {@code sqs:SendMessage}, condition {@code aws:SourceArn} equal to one of the rule ARNs.
     */
    public static String allowEventBridgeRules(String queueArn, List<String> ruleArns) {
        ObjectNode policy = JsonNodeFactory.instance.objectNode();
        policy.put("Version", "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        ObjectNode statement = statements.addObject();
        statement.put("Sid", "AllowEventBridgeRules");
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Service", "events.amazonaws.com");
        statement.put("Action", "sqs:SendMessage");
        statement.put("Resource", queueArn);
        ArrayNode sources = statement.putObject("Condition").putObject("ArnEquals").putArray("aws:SourceArn");
        ruleArns.forEach(sources::add);
        return JsonDocs.write(policy);
    }

    /** Moves a message to the DLQ after {@code maxReceiveCount} receives. */
    public static String redrive(String deadLetterQueueArn, int maxReceiveCount) {
        ObjectNode redrive = JsonNodeFactory.instance.objectNode();
        redrive.put("deadLetterTargetArn", deadLetterQueueArn);
        redrive.put("maxReceiveCount", maxReceiveCount);
        return JsonDocs.write(redrive);
    }
}
