package io.eventgate.infra.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the tests start LocalStack: image and environment exactly as {@code docker-compose.yml} has them
 * ({@code LocalStackComposeTest} fails when the two differ), and the services the flow cannot do without.
 */
public final class LocalStackSetup {

    /** The pinned calendar-versioned tag; {@code LOCALSTACK_IMAGE} overrides it for a run. */
    public static final String IMAGE = "localstack/localstack:2026.08.3";

    /** {@code SERVICES}, in the order the compose file lists them. */
    public static final List<String> SERVICES = List.of("dynamodb", "sqs", "events", "apigateway", "secretsmanager",
            "sts");

    /**
     * What each service is needed for. LocalStack refuses calls to a service that {@code SERVICES} leaves out
     * ({@code aws/handlers/service_plugin.py}), and does so quietly where it calls a service itself.
     */
    public static final Map<String, String> FLOW_NEEDS = Map.of(
            "dynamodb", "the orders and carrier-shipments tables",
            "sqs", "orders-inbox and the two dead-letter queues",
            "events", "the bus, its rules and archive, the carrier's connection and API destination",
            "apigateway", "the carrier's gateway route, its API key and usage plan",
            "secretsmanager", "the connection's credentials (events/connection.py stores them there; without it the"
                    + " connection holds no key and every call to the carrier fails)",
            "sts", "the gateway's AWS integration assumes its role (apigateway next_gen integrations/aws.py)");

    private LocalStackSetup() {
    }

    /** The container's environment besides the auth token. */
    public static Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVICES", String.join(",", SERVICES));
        environment.put("DYNAMODB_REMOVE_EXPIRED_ITEMS", "1");
        return environment;
    }
}
