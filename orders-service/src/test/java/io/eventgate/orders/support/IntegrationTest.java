package io.eventgate.orders.support;

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

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        registry.add("eventgate.aws.endpoint", () -> TestCloud.endpoint().toString());
        registry.add("eventgate.aws.event-bridge-endpoint", () -> EVENT_BRIDGE.endpoint().toString());
        registry.add("eventgate.orders.table.create-on-start", () -> "true");
        registry.add("eventgate.orders.inbox.queue", () -> TestCloud.INBOX_QUEUE);
        registry.add("eventgate.orders.outbox.sweep-interval", () -> "1s");
        registry.add("eventgate.orders.outbox.backoff", () -> "20ms");
        registry.add("eventgate.orders.inbox.poll-timeout", () -> "1s");
    }
}
