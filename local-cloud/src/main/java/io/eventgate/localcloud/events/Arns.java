package io.eventgate.localcloud.events;

/** EventBridge ARNs of the one region and account served. */
record Arns(String region, String accountId) {

    static final String DEFAULT_BUS = "default";

    String bus(String name) {
        return "arn:aws:events:" + region + ":" + accountId + ":event-bus/" + name;
    }

    /** Rules on the default bus have no bus segment; rules on custom buses do. */
    String rule(String busName, String ruleName) {
        return "arn:aws:events:" + region + ":" + accountId + ":rule/"
                + (DEFAULT_BUS.equals(busName) ? "" : busName + "/") + ruleName;
    }

    /** A bus name from a name or a bus ARN, as {@code EventBusName} parameters accept either. */
    static String busName(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isEmpty()) {
            return DEFAULT_BUS;
        }
        int marker = nameOrArn.indexOf(":event-bus/");
        return nameOrArn.startsWith("arn:") && marker > 0 ? nameOrArn.substring(marker + ":event-bus/".length())
                : nameOrArn;
    }
}
