package io.eventgate.orders.order.storage;

import io.eventgate.orders.order.OrderChangeListener;
import io.eventgate.orders.table.OrdersTable;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The change feed: follows the orders table's DynamoDB stream on one thread and tells the
 * {@link OrderChangeListener} every order change any instance stored. Every instance runs its own feed over every
 * shard — no shard leases (as the Kinesis Client Library would take), because each instance needs every change for
 * the clients connected to it.
 *
 * <p>Failures never stop it: throttling (AWS throttles a shard read by more than two processes) and errors are
 * waited out with growing pauses, from the same place in the stream; a table without a stream (or a stream that went
 * away) is looked for again. Whenever it had to skip ahead, it says so ({@link OrderChangeListener#following()}), so
 * that what was derived from earlier changes is read again.
 */
@Component
@ConditionalOnBooleanProperty(name = "eventgate.orders.change-feed.enabled", matchIfMissing = true)
class DynamoDbChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbChangeFeed.class);

    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;
    private final OrdersTable table;
    private final ChangeRecords records;
    private final OrderChangeListener listener;
    private final ChangeFeedSettings settings;
    private volatile Thread thread;

    DynamoDbChangeFeed(DynamoDbClient dynamo, DynamoDbStreamsClient streams, OrdersTable table, ChangeRecords records,
            OrderChangeListener listener, ChangeFeedSettings settings) {
        this.dynamo = dynamo;
        this.streams = streams;
        this.table = table;
        this.records = records;
        this.listener = listener;
        this.settings = settings;
    }

    @Override
    public void start() {
        // Assigned before it runs: the loop goes on while it is the feed's thread, and a thread started first could
        // look before the assignment, find another value and end at once — a feed that silently never follows.
        Thread feed = Thread.ofPlatform().name("order-change-feed").daemon().unstarted(this::follow);
        thread = feed;
        feed.start();
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void follow() {
        StreamShards shards = null;
        long nextDiscovery = 0;
        int failures = 0;
        while (thread == Thread.currentThread()) {
            try {
                if (shards == null) {
                    shards = open();
                    nextDiscovery = System.nanoTime() + settings.discoveryInterval().toNanos();
                    log.info("following the stream of table {} ({} open shards): {}", table.name(),
                            shards.shardsRead(), shards.streamArn());
                    listener.following();
                }
                boolean busy = shards.readOnce(this::dispatch, listener::following);
                if (shards.discoveryDue() || System.nanoTime() > nextDiscovery) {
                    shards.discover();
                    nextDiscovery = System.nanoTime() + settings.discoveryInterval().toNanos();
                }
                failures = 0;
                Thread.sleep(busy ? settings.busyPollInterval() : settings.pollInterval());
            } catch (InterruptedException e) {
                return;
            } catch (NoStreamException e) {
                listener.lost(e.getMessage());
                failures = pause(++failures, e.getMessage());
            } catch (ResourceNotFoundException e) {
                shards = null;
                listener.lost("the stream of table " + table.name() + " is gone");
                failures = pause(++failures, "stream or table not found: " + e.getMessage());
            } catch (LimitExceededException e) {
                // Throttled (more than two readers of a shard on AWS): nothing is lost, the cursors stay put.
                failures = pause(++failures, "stream reads throttled");
            } catch (SdkException e) {
                failures = pause(++failures, e.toString());
            }
        }
    }

    private int pause(int failures, String why) {
        Duration pause = settings.retryAfter(failures);
        log.warn("change feed: {}; trying again in {} ms (attempt {})", why, pause.toMillis(), failures);
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread = null;
        }
        return failures;
    }

    private StreamShards open() {
        TableDescription description = dynamo.describeTable(r -> r.tableName(table.name())).table();
        StreamSpecification stream = description.streamSpecification();
        if (stream == null || !Boolean.TRUE.equals(stream.streamEnabled()) || description.latestStreamArn() == null) {
            throw new NoStreamException("table " + table.name() + " has no stream: live order updates need its "
                    + "StreamViewType NEW_IMAGE or NEW_AND_OLD_IMAGES (gateway-infra apply sets it)");
        }
        return StreamShards.atLatest(streams, description.latestStreamArn());
    }

    private void dispatch(Record record) {
        try {
            records.read(record).ifPresent(listener::changed);
        } catch (RuntimeException e) {
            // One unreadable record (an item written by hand, say) must not stop the feed for everyone.
            log.warn("skipping stream record {}: {}", record.eventID(), e.toString());
        }
    }

    private static final class NoStreamException extends RuntimeException {
        NoStreamException(String message) {
            super(message);
        }
    }
}
