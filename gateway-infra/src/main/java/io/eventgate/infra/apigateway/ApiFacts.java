package io.eventgate.infra.apigateway;

import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import java.util.Map;
import java.util.TreeMap;

/** The names under which the API's resources publish their ids, and the configuration digest of a deployment. */
public final class ApiFacts {

    public static final String REST_API_ID = "apigateway.rest-api.id";
    public static final String ROOT_RESOURCE_ID = "apigateway.rest-api.root-resource-id";
    static final String CONFIG_PREFIX = "apigateway.config.";
    static final String READY_PREFIX = "apigateway.ready.";

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

    /**
     * Records what a part of the API should be and wraps its change so that, once the part matches, it says so: the
     * stage deploys only when every part is ready, never a half-converged API.
     */
    static Change tracked(Facts facts, String part, Change change) {
        if (!change.changes()) {
            facts.put(READY_PREFIX + part, "true");
            return change;
        }
        return new Change(change.action(), change.details(), () -> {
            change.step().run();
            facts.put(READY_PREFIX + part, "true");
        });
    }

    /** The ready facts of every part that recorded a configuration; requiring them skips the stage after a failure. */
    static void requireReady(Facts facts) {
        configuration(facts.all()).keySet().forEach(key ->
                facts.require(READY_PREFIX + key.substring(CONFIG_PREFIX.length())));
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
