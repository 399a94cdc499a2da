package io.eventgate.orders.outbox;

import io.micrometer.observation.ObservationRegistry;
import io.eventgate.web.tracing.CurrentTrace;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.eventgate.orders.order.LineItem;
import io.eventgate.orders.order.NewOrder;
import io.eventgate.orders.order.Order;
import io.eventgate.orders.order.ShippingAddress;
import io.eventgate.orders.support.EventBridgeStub;
import io.eventgate.orders.support.TestCloud;
import io.eventgate.orders.table.OrdersTable;
import io.eventgate.orders.table.OutboxItem;
import io.eventgate.orders.table.TableCreator;
import io.eventgate.orders.table.TableSettings;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The relay's wire behaviour against a stub speaking {@code AWSEvents.PutEvents}, with its records in DynamoDB
 * Local. The relay's thread is not started: each test drives {@link OutboxRelay#sweep()} itself.
 */
class OutboxRelayTest extends OutboxTestSupport {

    static final OutboxSettings SETTINGS = new OutboxSettings("eventgate", "eventgate.orders", Duration.ofSeconds(5),
            Duration.ofSeconds(30), 2, Duration.ofMillis(10), Duration.ofMillis(200), 4, 10_000,
            Duration.ofSeconds(5));

    @Override
    OutboxSettings settings() {
        return SETTINGS;
    }

    OutboxRelay relay() {
        return new OutboxRelay(store, new EventBridgePublisher(eventBridge, SETTINGS), SETTINGS, Clock.systemUTC(),
                ObservationRegistry.NOOP);
    }

    List<String> pendingRecords(int count) {
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Order order = Order.place(UUID.randomUUID().toString(), new NewOrder("cust-relay",
                    List.of(new LineItem("SKU-" + i, 1, BigDecimal.ONE)),
                    new ShippingAddress("Ada", "1 Main St", Optional.empty(), "Berlin", "10115", "DE")), Instant.now());
            OutboxItem item = outbox.recordFor(order);
            table.putItem(item);
            eventIds.add(item.getEventId());
        }
        return eventIds;
    }

    OutboxItem record(String eventId) {
        return table.getItem(Key.builder().partitionValue("outbox#" + eventId).build());
    }

    static String correlationId(JsonNode entry) {
        return JsonMapper.builder().build().readTree(entry.get("Detail").asString())
                .at("/metadata/correlationId").asString();
    }

    @Test
    void publishesInBatchesOfTenAndMarksEveryRecordPublished() throws Exception {
        List<String> eventIds = pendingRecords(12);

        relay().sweep();

        assertThat(stub.calls()).extracting(call -> EventBridgeStub.entriesOf(call).size()).containsExactly(10, 2);
        assertThat(stub.entries()).extracting(OutboxRelayTest::correlationId).containsExactlyInAnyOrderElementsOf(eventIds);
        for (String eventId : eventIds) {
            assertThat(record(eventId).getOutboxState()).isNull();
            assertThat(record(eventId).getPublishedAt()).isNotNull();
        }
    }

    @Test
    void resendsOnlyTheEntryThatFailed() throws Exception {
        List<String> eventIds = pendingRecords(10);
        stub.server().stubFor(EventBridgeStub.putEvents().atPriority(1).inScenario("partial")
                .whenScenarioStateIs(STARTED).willReturn(EventBridgeStub.oneFailing(10, 3)).willSetStateTo("answered"));

        relay().sweep();

        List<LoggedRequest> calls = stub.calls();
        assertThat(calls).hasSize(2);
        List<JsonNode> first = EventBridgeStub.entriesOf(calls.get(0));
        List<JsonNode> resent = EventBridgeStub.entriesOf(calls.get(1));
        assertThat(first).hasSize(10);
        assertThat(resent).hasSize(1);
        assertThat(resent.getFirst()).isEqualTo(first.get(3));
        for (String eventId : eventIds) {
            assertThat(record(eventId).getOutboxState()).as("published: %s", eventId).isNull();
        }
    }

    @Test
    void keepsRecordsPendingThroughAnOutageAndPublishesThemAfterRecovery() throws Exception {
        List<String> eventIds = pendingRecords(3);
        StubMapping down = stub.server().stubFor(EventBridgeStub.putEvents().atPriority(1).willReturn(EventBridgeStub.outage()));
        OutboxRelay relay = relay();

        relay.sweep();

        assertThat(stub.calls()).hasSizeGreaterThanOrEqualTo(SETTINGS.resendAttempts());
        for (String eventId : eventIds) {
            OutboxItem item = record(eventId);
            assertThat(item.getOutboxState()).isEqualTo("PENDING");
            assertThat(item.getPublishedAt()).isNull();
            assertThat(item.getAttempts()).isEqualTo(1);
        }

        stub.server().removeStub(down);
        int callsDuringOutage = stub.calls().size();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            relay.sweep();
            assertThat(eventIds).allSatisfy(id -> assertThat(record(id).getOutboxState()).isNull());
        });

        List<LoggedRequest> recovered = stub.calls().subList(callsDuringOutage, stub.calls().size());
        assertThat(recovered).flatExtracting(EventBridgeStub::entriesOf).extracting(OutboxRelayTest::correlationId)
                .containsExactlyInAnyOrderElementsOf(eventIds);
    }

    @Test
    void twoRelaysSideBySidePublishEachRecordOnce() {
        List<String> eventIds = pendingRecords(20);
        OutboxRelay one = relay();
        OutboxRelay two = relay();

        CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> sweep(one)),
                CompletableFuture.runAsync(() -> sweep(two))).join();

        assertThat(stub.entries()).extracting(OutboxRelayTest::correlationId)
                .containsExactlyInAnyOrderElementsOf(eventIds);
    }

    @Test
    void aNewRecordIsWrittenLeasedToTheInstanceThatWritesIt() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        OutboxRelay relay = relay();
        OutboxHandOff handOff = new OutboxHandOff(outbox, relay, SETTINGS, Clock.fixed(now, ZoneOffset.UTC),
                CurrentTrace.none());
        Order order = Order.place(UUID.randomUUID().toString(), new NewOrder("cust-relay",
                List.of(new LineItem("SKU-1", 1, BigDecimal.ONE)),
                new ShippingAddress("Ada", "1 Main St", Optional.empty(), "Berlin", "10115", "DE")), now);

        OutboxItem record = handOff.recordFor(order.created());

        assertThat(record.getLeaseOwner()).isEqualTo(relay.owner());
        assertThat(record.getLeaseUntil()).isEqualTo(now.plus(SETTINGS.lease()).toEpochMilli());
        assertThat(record.getOutboxState()).isEqualTo("PENDING");
    }

    @Test
    void aClaimedRecordCannotBeClaimedAgainUntilItsLeaseExpires() throws Exception {
        String eventId = pendingRecords(1).getFirst();
        Instant now = Instant.now();

        assertThat(store.claim(eventId, "a", now, now.plusSeconds(30))).isPresent();
        assertThat(store.claim(eventId, "b", now.plusSeconds(29), now.plusSeconds(59))).isEmpty();
        OutboxItem claimedByB = store.claim(eventId, "b", now.plusSeconds(31), now.plusSeconds(61)).orElseThrow();
        store.postpone(record(eventId), "a", now.plusSeconds(90));
        assertThat(record(eventId).getLeaseOwner()).as("a lost its lease: its postponement changes nothing").isEqualTo("b");
        assertThat(store.markPublished(List.of(claimedByB), "a", now.plusSeconds(32))).as("a lost its lease")
                .containsExactly(claimedByB);
        assertThat(store.markPublished(List.of(claimedByB), "b", now.plusSeconds(32))).isEmpty();
        assertThat(store.claim(eventId, "c", now.plusSeconds(100), now.plusSeconds(130))).as("published").isEmpty();
    }

    @Test
    void aRecordWrittenLeasedIsLeftToItsOwnerUntilTheLeaseExpires() throws Exception {
        String eventId = pendingRecords(1).getFirst();
        OutboxItem leased = record(eventId);
        leased.setLeaseOwner("instance-that-wrote-it");
        leased.setLeaseUntil(Instant.now().plusSeconds(30).toEpochMilli());
        table.putItem(leased);

        relay().sweep();

        assertThat(stub.calls()).as("another instance's sweep leaves it alone").isEmpty();
        assertThat(record(eventId).getOutboxState()).isEqualTo("PENDING");

        leased.setLeaseUntil(Instant.now().minusSeconds(1).toEpochMilli());
        table.putItem(leased);
        relay().sweep();

        assertThat(stub.entries()).extracting(OutboxRelayTest::correlationId).containsExactly(eventId);
        assertThat(record(eventId).getOutboxState()).isNull();
    }

    @Test
    void marksABatchPublishedExceptTheRecordWhoseLeaseWasLost() throws Exception {
        List<String> eventIds = pendingRecords(10);
        Instant now = Instant.now();
        List<OutboxItem> claimed = eventIds.stream()
                .map(id -> store.claim(id, "a", now, now.plusSeconds(30)).orElseThrow()).toList();
        String takenOver = eventIds.get(4);
        store.claim(takenOver, "b", now.plusSeconds(31), now.plusSeconds(61)).orElseThrow();

        assertThat(store.markPublished(claimed, "a", now)).extracting(OutboxItem::getEventId).containsExactly(takenOver);

        assertThat(eventIds).filteredOn(id -> !id.equals(takenOver)).allSatisfy(id -> {
            OutboxItem item = record(id);
            assertThat(item.getOutboxState()).isNull();
            assertThat(item.getLeaseOwner()).isNull();
            assertThat(item.getPublishedAt()).isNotNull();
        });
        assertThat(record(takenOver).getLeaseOwner()).isEqualTo("b");
        assertThat(store.backlog().pendingRecords()).isEqualTo(1);
        assertThat(store.backlog().oldestCreatedAt()).isPresent();
    }

    @Test
    void aClaimThatFailsMidSweepStrandsNoRecordItClaimedBefore() throws Exception {
        List<String> eventIds = pendingRecords(2);
        // DynamoDB failing one call — the second claim of the sweep — as a timeout does while it is overloaded.
        AtomicInteger updates = new AtomicInteger();
        DynamoDbClient failingOnce = DynamoDbClient.builder().endpointOverride(TestCloud.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof UpdateItemRequest && updates.incrementAndGet() == 2) {
                            throw SdkClientException.create("Unable to execute HTTP request: Read timed out (injected)");
                        }
                    }
                })).build();
        DynamoDbEnhancedClient failingClient = DynamoDbEnhancedClient.builder().dynamoDbClient(failingOnce).build();
        OutboxRelay relay = new OutboxRelay(new OutboxStore(failingClient,
                new OrdersTable(failingClient, new TableSettings(table.tableName(), false))),
                new EventBridgePublisher(eventBridge, SETTINGS), SETTINGS, Clock.systemUTC(), ObservationRegistry.NOOP);

        assertThatThrownBy(relay::sweep).hasMessageContaining("injected");
        assertThat(stub.entries()).as("the record claimed before the failure went out with that sweep").hasSize(1);

        relay.sweep();

        assertThat(stub.entries()).extracting(OutboxRelayTest::correlationId)
                .containsExactlyInAnyOrderElementsOf(eventIds);
        assertThat(eventIds).allSatisfy(id -> assertThat(record(id).getOutboxState()).as(id).isNull());
        assertThat(relay.inFlight()).as("nothing left held by this instance").isZero();
        failingOnce.close();
    }

    private static void sweep(OutboxRelay relay) {
        try {
            relay.sweep();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
