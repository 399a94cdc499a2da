package io.eventgate.orders.outbox;

import io.micrometer.observation.ObservationRegistry;
import io.eventgate.web.tracing.CurrentTrace;
import io.eventgate.orders.order.LineItem;
import io.eventgate.orders.order.NewOrder;
import io.eventgate.orders.order.Order;
import io.eventgate.orders.order.ShippingAddress;
import io.eventgate.orders.support.EventBridgeStub;
import io.eventgate.orders.support.TestCloud;
import io.eventgate.orders.table.OutboxItem;
import io.eventgate.orders.table.TableCreator;
import io.eventgate.orders.table.TableSettings;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running relay (its workers and its sweep) keeping up with writers that store records as fast as DynamoDB
 * Local takes them: the backlog stays bounded while they write and is empty soon after they stop, and every record
 * reaches the bus exactly once — with one instance, and with two side by side sharing the table. One record in 50
 * is written the way a crashed instance leaves it (never handed over, lease expired), so the sweep runs under the
 * same load.
 */
class OutboxUnderLoadTest extends OutboxTestSupport {

    static final int WRITERS = 8;
    static final int RECORDS = 800;
    /** The old relay (one thread, two calls per record) fell ~90 % behind such writers: ~700 of 800 pending. */
    static final int BACKLOG_BOUND = RECORDS / 4;
    static final OutboxSettings SETTINGS = new OutboxSettings("eventgate", "eventgate.orders", Duration.ofSeconds(1),
            Duration.ofMinutes(2), 3, Duration.ofMillis(10), Duration.ofMillis(200), 4, 10_000,
            Duration.ofSeconds(5));

    @Override
    OutboxSettings settings() {
        return SETTINGS;
    }

    final List<OutboxRelay> relays = new ArrayList<>();

    @AfterEach
    void tearDown() {
        relays.forEach(OutboxRelay::stop);
    }

    @Test
    void oneRelayKeepsUpWithSustainedWrites() throws Exception {
        keepsUp(startInstances(1));
    }

    @Test
    void twoRelaysSideBySideKeepUpAndPublishEachRecordOnce() throws Exception {
        keepsUp(startInstances(2));
    }

    private void keepsUp(List<OutboxHandOff> instances) throws Exception {
        List<Long> backlog = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> backlog.add(store.backlog().pendingRecords()), 0, 200, TimeUnit.MILLISECONDS);
        List<String> written;
        try {
            written = writeConcurrently(instances);
        } finally {
            sampler.shutdown();
            assertThat(sampler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(store.backlog().pendingRecords()).isZero());

        assertThat(backlog).as("pending records sampled while %d writers stored %d records", WRITERS, RECORDS)
                .hasSizeGreaterThan(1)
                .allSatisfy(pending -> assertThat(pending).isLessThanOrEqualTo(BACKLOG_BOUND));
        assertThat(stub.entries()).extracting(OutboxRelayTest::correlationId)
                .as("every record on the bus, each once")
                .containsExactlyInAnyOrderElementsOf(written);
    }

    private List<OutboxHandOff> startInstances(int count) {
        List<OutboxHandOff> instances = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OutboxRelay relay = new OutboxRelay(store, new EventBridgePublisher(eventBridge, SETTINGS), SETTINGS,
                    Clock.systemUTC(), ObservationRegistry.NOOP);
            relay.start();
            relays.add(relay);
            instances.add(new OutboxHandOff(outbox, relay, SETTINGS, Clock.systemUTC(),
                    CurrentTrace.none()));
        }
        return instances;
    }

    /** {@link #WRITERS} threads store {@link #RECORDS} records, each handed to one of the instances on commit. */
    private List<String> writeConcurrently(List<OutboxHandOff> instances) throws Exception {
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicLong crashed = new AtomicLong();
        List<Future<?>> writers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < RECORDS; n = next.getAndIncrement()) {
                        OutboxHandOff instance = instances.get(n % instances.size());
                        Order order = order(n);
                        if (n % 50 == 49) {
                            // What an instance that crashed right after its commit leaves behind.
                            OutboxItem orphan = outbox.recordFor(order);
                            orphan.setLeaseOwner("crashed-instance");
                            orphan.setLeaseUntil(Instant.now().minusSeconds(1).toEpochMilli());
                            table.putItem(orphan);
                            crashed.incrementAndGet();
                            written.add(orphan.getEventId());
                        } else {
                            OutboxItem record = instance.recordFor(order.created());
                            table.putItem(record);
                            instance.committed(record);
                            written.add(record.getEventId());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
        }
        assertThat(crashed.get()).isPositive();
        return written;
    }

    private static Order order(int n) {
        return Order.place(UUID.randomUUID().toString(), new NewOrder("cust-load",
                List.of(new LineItem("SKU-" + n, 1, BigDecimal.ONE)),
                new ShippingAddress("Ada", "1 Main St", Optional.empty(), "Berlin", "10115", "DE")), Instant.now());
    }
}
