package io.eventgate.orders;

import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.LocalCloudSettings;
import io.eventgate.orders.support.EventBridgeStub;
import org.springframework.boot.SpringApplication;

/**
 * Runs the service for development with everything it needs in one JVM: an embedded local-cloud (DynamoDB +
 * SQS) with the table and inbox queues created at start, and a stub accepting every PutEvents — so that nothing
 * is published anywhere (no rules, no carrier; for the whole flow use {@code ./eventgate run}). Start it from the
 * IDE, or {@code ./mvnw -pl orders-service spring-boot:test-run}.
 */
public class TestOrdersApplication {

    public static void main(String[] args) {
        LocalCloud cloud = LocalCloud.start(LocalCloudSettings.forTests());
        EventBridgeStub eventBridge = new EventBridgeStub();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            eventBridge.close();
            cloud.close();
        }, "dev-cloud-stop"));
        // System properties outrank application.yml; the caller's command-line arguments still outrank these.
        setIfAbsent("eventgate.aws.endpoint", cloud.endpoint().toString());
        setIfAbsent("eventgate.aws.event-bridge-endpoint", eventBridge.endpoint().toString());
        setIfAbsent("eventgate.orders.table.create-on-start", "true");
        setIfAbsent("eventgate.orders.inbox.create-on-start", "true");
        SpringApplication.run(OrdersApplication.class, args);
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
