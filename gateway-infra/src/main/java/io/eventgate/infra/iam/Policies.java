package io.eventgate.infra.iam;

import io.eventgate.infra.aws.JsonDocs;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The IAM documents of the two service roles. */
public final class Policies {

    private Policies() {
    }

    /** Lets the service assume the role, only on behalf of this account (against the confused-deputy problem). */
    public static String trust(String servicePrincipal, String accountId) {
        ObjectNode policy = JsonNodeFactory.instance.objectNode();
        policy.put("Version", "2012-10-17");
        ObjectNode statement = policy.putArray("Statement").addObject();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Service", servicePrincipal);
        statement.put("Action", "sts:AssumeRole");
        statement.putObject("Condition").putObject("StringEquals").put("aws:SourceAccount", accountId);
        return JsonDocs.write(policy);
    }

    /**
     * Allows {@code events:PutEvents} on one bus for these sources and detail types only (EventBridge's
     * {@code events:source} and {@code events:detail-type} condition keys).
     */
    public static String allowPutEvents(String busArn, List<String> sources, List<String> detailTypes) {
        ObjectNode policy = JsonNodeFactory.instance.objectNode();
        policy.put("Version", "2012-10-17");
        ObjectNode statement = policy.putArray("Statement").addObject();
        statement.put("Effect", "Allow");
        statement.put("Action", "events:PutEvents");
        statement.put("Resource", busArn);
        ObjectNode equals = statement.putObject("Condition").putObject("StringEquals");
        ArrayNode source = equals.putArray("events:source");
        sources.forEach(source::add);
        ArrayNode types = equals.putArray("events:detail-type");
        detailTypes.forEach(types::add);
        return JsonDocs.write(policy);
    }

    /** Allows one action on one resource. */
    public static String allow(String action, String resourceArn) {
        ObjectNode policy = JsonNodeFactory.instance.objectNode();
        policy.put("Version", "2012-10-17");
        ObjectNode statement = policy.putArray("Statement").addObject();
        statement.put("Effect", "Allow");
        statement.put("Action", action);
        statement.put("Resource", resourceArn);
        return JsonDocs.write(policy);
    }
}
