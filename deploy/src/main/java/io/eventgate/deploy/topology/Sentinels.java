package io.eventgate.deploy.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;

/**
 * The account and region gateway-infra's description is computed for. gateway-infra names some ARNs by convention
 * ({@code arn:aws:sqs:{region}:{account}:{queue}}); computed for these stand-ins, they are turned into ARNs of the
 * stack's own account, region and partition, which CloudFormation fills in at deployment.
 */
public final class Sentinels {

    /** Valid for gateway-infra's settings, and no real account. */
    public static final String ACCOUNT = "000000000000";
    /** Matches gateway-infra's region pattern, and is no AWS region. */
    public static final String REGION = "zz-stack-1";

    private Sentinels() {
    }

    /**
     * The value with the stand-ins replaced by the stack's pseudo parameters.
     *
     * @throws IllegalStateException when a stand-in appears where no rule knows how to replace it: better to fail the
     *                               synthesis than to deploy an ARN of account 000000000000
     */
    public static String resolve(String value) {
        if (value.equals(ACCOUNT)) {
            return Aws.ACCOUNT_ID;
        }
        if (value.equals(REGION)) {
            return Aws.REGION;
        }
        String resolved = value.replace("arn:aws:", "arn:" + Aws.PARTITION + ":")
                .replace(":" + REGION + ":", ":" + Aws.REGION + ":")
                .replace(":" + ACCOUNT + ":", ":" + Aws.ACCOUNT_ID + ":")
                .replace("." + REGION + ".amazonaws.com", "." + Aws.REGION + "." + Aws.URL_SUFFIX);
        if (resolved.contains(ACCOUNT) || resolved.contains(REGION)) {
            throw new IllegalStateException("gateway-infra's description holds the stand-in account or region where"
                    + " it cannot be replaced: " + value);
        }
        return resolved;
    }

    /** Resolves every string of a JSON document read into maps, lists and scalars. */
    public static Object resolveTree(Object tree) {
        if (tree instanceof String text) {
            return resolve(text);
        }
        if (tree instanceof Map<?, ?> map) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((key, value) -> resolved.put(String.valueOf(key), resolveTree(value)));
            return resolved;
        }
        if (tree instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            list.forEach(item -> resolved.add(resolveTree(item)));
            return resolved;
        }
        return tree;
    }
}
