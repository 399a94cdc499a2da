package io.eventgate.orders.inbox;

import io.eventgate.orders.order.LineItem;
import io.eventgate.orders.order.NewOrder;
import io.eventgate.orders.order.Order;
import io.eventgate.orders.order.OrderService;
import io.eventgate.orders.order.OrderStatus;
import io.eventgate.orders.order.ShippingAddress;
import io.eventgate.orders.support.IntegrationTest;
import io.eventgate.orders.support.TestCloud;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Carrier events arriving in the real inbox queue (ElasticMQ), applied by the running listener. */
class InboxTest extends IntegrationTest {

    @Autowired
    OrderService orders;

    Order placeOrder() {
        return orders.place(new NewOrder("cust-inbox", List.of(new LineItem("SKU-1", 1, BigDecimal.TEN)),
                new ShippingAddress("Ada", "1 Main St", Optional.empty(), "Berlin", "10115", "DE")),
                Optional.empty()).order();
    }

    /** What EventBridge puts in the queue for a carrier event the gateway accepted. */
    static String envelope(String eventId, String eventName, String data) {
        return """
                {"version":"0","id":"%s","detail-type":"%s","source":"com.carrier","account":"000000000000",
                 "time":"2026-11-23T10:00:00Z","region":"us-east-1","resources":[],
                 "detail":{"metadata":{"source":"com.carrier","eventName":"%s","eventSchemaVersion":"1",
                                       "correlationId":"c-1","apiKeyId":"k-carrier"},
                           "data":%s}}
                """.formatted(eventId, eventName, eventName, data);
    }

    static String shipped(String orderId) {
        return """
                {"orderId":"%s","trackingNumber":"TRK-1","carrier":"ACME","shippedAt":"2026-11-23T10:00:00Z"}"""
                .formatted(orderId);
    }

    static void send(String body) {
        TestCloud.sqs().sendMessage(b -> b.queueUrl(TestCloud.queueUrl(TestCloud.INBOX_QUEUE)).messageBody(body));
    }

    static void awaitInboxDrained() {
        String url = TestCloud.queueUrl(TestCloud.INBOX_QUEUE);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Map<QueueAttributeName, String> attributes = TestCloud.sqs().getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            assertThat(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("0");
            assertThat(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).isEqualTo("0");
        });
    }

    @Test
    void shipsAPendingOrder() {
        Order order = placeOrder();

        send(envelope(UUID.randomUUID().toString(), "OrderShipped", shipped(order.id())));

        await().atMost(Duration.ofSeconds(10)).until(() -> orders.get(order.id()).status() == OrderStatus.SHIPPED);
        assertThat(orders.get(order.id()).shipment()).hasValueSatisfying(s -> assertThat(s.trackingNumber()).isEqualTo("TRK-1"));
    }

    @Test
    void anEventDeliveredTwiceChangesTheOrderOnce() {
        Order order = placeOrder();
        String eventId = UUID.randomUUID().toString();

        send(envelope(eventId, "OrderShipped", shipped(order.id())));
        send(envelope(eventId, "OrderShipped", shipped(order.id())));
        awaitInboxDrained();

        Order after = orders.get(order.id());
        assertThat(after.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(after.version()).as("one write after creation").isEqualTo(order.version() + 1);
    }

    @Test
    void anIllegalTransitionIsIgnoredAndAcknowledged() {
        Order order = placeOrder();
        send(envelope(UUID.randomUUID().toString(), "OrderShipped", shipped(order.id())));
        await().atMost(Duration.ofSeconds(10)).until(() -> orders.get(order.id()).status() == OrderStatus.SHIPPED);
        long version = orders.get(order.id()).version();
        String cancellation = envelope(UUID.randomUUID().toString(), "OrderCancelled",
                "{\"orderId\":\"%s\",\"reason\":\"changed my mind\"}".formatted(order.id()));

        send(cancellation);
        awaitInboxDrained();

        Order after = orders.get(order.id());
        assertThat(after.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(after.version()).isEqualTo(version);
        assertThat(dlqBodies()).doesNotContain(cancellation);
    }

    @Test
    void anUnparseableMessageIsNotAcknowledgedAndEndsInTheDlq() {
        String garbage = "not json " + UUID.randomUUID();
        String breaksContract = envelope(UUID.randomUUID().toString(), "OrderShipped", "{\"orderId\":\"x\"}");

        send(garbage);
        send(breaksContract);

        List<String> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            seen.addAll(dlqBodies());
            assertThat(seen).contains(garbage, breaksContract);
        });
    }

    @Test
    void anEventForAnUnknownOrderEndsInTheDlq() {
        String orphan = envelope(UUID.randomUUID().toString(), "OrderShipped", shipped(UUID.randomUUID().toString()));
        // cannot be an order id at all (DynamoDB would refuse it as a key): never looked up, same fate
        String malformed = envelope(UUID.randomUUID().toString(), "OrderShipped", shipped("not-an-order-id"));

        send(orphan);
        send(malformed);

        List<String> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            seen.addAll(dlqBodies());
            assertThat(seen).contains(orphan, malformed);
        });
    }

    /** Receives (and deletes) what is in the DLQ now. */
    static List<String> dlqBodies() {
        String url = TestCloud.queueUrl(TestCloud.INBOX_DLQ);
        List<Message> messages = TestCloud.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages();
        messages.forEach(m -> TestCloud.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
        return messages.stream().map(Message::body).toList();
    }
}
