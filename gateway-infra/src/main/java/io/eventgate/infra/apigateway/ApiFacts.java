package io.eventgate.infra.apigateway;

import java.util.Map;
import java.util.TreeMap;

/** The names under which the API's resources publish their ids, and the configuration digest of a deployment. */
public final class ApiFacts {

    public static final String REST_API_ID = "apigateway.rest-api.id";
    public static final String ROOT_RESOURCE_ID = "apigateway.rest-api.root-resource-id";
    static final String CONFIG_PREFIX = "apigateway.config.";

    private ApiFacts() {
    }

    public static String resourceId(String path) {
        return "apigateway.resource./" + path + ".id";
    }

    public static String validatorId(String validator) {
        return "apigateway.validator." + validator + ".id";
    }

    public static String apiKeyId(String key) {
        return "apigateway.api-key." + key + ".id";
    }

    public static String apiKeyValue(String key) {
        return "secret.apigateway.api-key." + key + ".value";
    }

    public static String usagePlanId(String plan) {
        return "apigateway.usage-plan." + plan + ".id";
    }

    public static String stage(String stage) {
        return "apigateway.stage." + stage;
    }

    /** The fact under which a part of the deployed configuration records what it should be. */
    static String config(String part) {
        return CONFIG_PREFIX + part;
    }

    /** The configuration facts, sorted, for the deployment digest. */
    static Map<String, String> configuration(Map<String, String> facts) {
        Map<String, String> config = new TreeMap<>();
        facts.forEach((key, value) -> {
            if (key.startsWith(CONFIG_PREFIX)) {
                config.put(key, value);
            }
        });
        return config;
    }
}
