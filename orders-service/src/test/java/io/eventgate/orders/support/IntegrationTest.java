package io.eventgate.orders.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the full-application tests: the real service on a random port, against DynamoDB Local and ElasticMQ in
 * local-cloud, with EventBridge played by {@link EventBridgeStub}. Every subclass shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    protected static final EventBridgeStub EVENT_BRIDGE = new EventBridgeStub();
    /** The operator credential the tests' application expects (HTTP Basic, user {@code operator}). */
    protected static final String OPERATOR_PASSWORD = "test-operator-password-0123";

    /** The {@code Authorization} header value of the operator. */
    protected static String operatorAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString(("operator:" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        registry.add("eventgate.aws.endpoint", () -> TestCloud.endpoint().toString());
        registry.add("eventgate.aws.event-bridge-endpoint", () -> EVENT_BRIDGE.endpoint().toString());
        registry.add("eventgate.orders.table.create-on-start", () -> "true");
        registry.add("eventgate.orders.inbox.queue", () -> TestCloud.INBOX_QUEUE);
        registry.add("eventgate.orders.outbox.sweep-interval", () -> "1s");
        registry.add("eventgate.orders.outbox.backoff", () -> "20ms");
        registry.add("eventgate.orders.inbox.poll-timeout", () -> "1s");
        registry.add("eventgate.orders.operator.password", () -> OPERATOR_PASSWORD);
    }
}
