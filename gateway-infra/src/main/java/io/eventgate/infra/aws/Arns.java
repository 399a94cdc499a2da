package io.eventgate.infra.aws;

/** The ARNs of the topology's resources whose ARN follows from their name (partition {@code aws}). */
public record Arns(String region, String accountId) {

    public String eventBus(String bus) {
        return "arn:aws:events:" + region + ":" + accountId + ":event-bus/" + bus;
    }

    /** A rule on a custom bus. */
    public String rule(String bus, String rule) {
        return "arn:aws:events:" + region + ":" + accountId + ":rule/" + bus + "/" + rule;
    }

    public String archive(String archive) {
        return "arn:aws:events:" + region + ":" + accountId + ":archive/" + archive;
    }

    public String queue(String queue) {
        return "arn:aws:sqs:" + region + ":" + accountId + ":" + queue;
    }

    public String role(String role) {
        return "arn:aws:iam::" + accountId + ":role/" + role;
    }
}
