package io.eventgate.orders.order.storage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Where this instance is in one stream: a cursor per shard it reads. Shards open when the feed starts are read from
 * their newest record on (what happened before is in the table, which a client reads first); shards that appear
 * later — children of a shard that closed, every few hours on AWS — from their first record, so nothing between
 * two shards is skipped. Not thread-safe: used by the feed's one thread.
 */
final class StreamShards {

    private static final Logger log = LoggerFactory.getLogger(StreamShards.class);
    private static final int RECORDS_PER_READ = 1000;

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Map<String, Cursor> reading = new LinkedHashMap<>();
    /** Every shard ever listed: a shard already known is never started again. */
    private final Set<String> known = new HashSet<>();
    private boolean discoveryDue;

    private StreamShards(DynamoDbStreamsClient streams, String streamArn) {
        this.streams = streams;
        this.streamArn = streamArn;
    }

    /** Starts at the newest record of every open shard. */
    static StreamShards atLatest(DynamoDbStreamsClient streams, String streamArn) {
        StreamShards shards = new StreamShards(streams, streamArn);
        for (Shard shard : shards.list()) {
            shards.known.add(shard.shardId());
            if (shard.sequenceNumberRange().endingSequenceNumber() == null) {
                shards.start(shard.shardId(), ShardIteratorType.LATEST, null);
            }
        }
        return shards;
    }

    String streamArn() {
        return streamArn;
    }

    int shardsRead() {
        return reading.size();
    }

    /** Whether a shard closed since the last {@link #discover()}. */
    boolean discoveryDue() {
        return discoveryDue;
    }

    /** Starts reading every shard that appeared since the last look, from its first record. */
    void discover() {
        discoveryDue = false;
        for (Shard shard : list()) {
            if (known.add(shard.shardId())) {
                log.info("reading new stream shard {} (parent {})", shard.shardId(), shard.parentShardId());
                start(shard.shardId(), ShardIteratorType.TRIM_HORIZON, null);
            }
        }
    }

    /**
     * Reads every shard once and hands each record over.
     *
     * @param gap told when a shard's place was lost and reading resumed further on (records may have been missed)
     * @return whether any shard had records (then reading again at once is worth it)
     */
    boolean readOnce(Consumer<Record> records, Runnable gap) {
        boolean any = false;
        for (var entry : new ArrayList<>(reading.entrySet())) {
            String shardId = entry.getKey();
            Cursor cursor = entry.getValue();
            GetRecordsResponse response;
            try {
                response = streams.getRecords(r -> r.shardIterator(cursor.iterator).limit(RECORDS_PER_READ));
            } catch (ExpiredIteratorException expired) {
                // Unused for 15 minutes (a long outage): continue right after the last record seen.
                log.info("stream shard {}: iterator expired, continuing after {}", shardId, cursor.lastSequence);
                restart(shardId, cursor, gap);
                continue;
            } catch (TrimmedDataAccessException trimmed) {
                log.warn("stream shard {}: records older than 24 h are gone; reading on from the oldest kept", shardId);
                start(shardId, ShardIteratorType.TRIM_HORIZON, null);
                gap.run();
                continue;
            }
            for (Record record : response.records()) {
                records.accept(record);
                cursor.lastSequence = record.dynamodb().sequenceNumber();
            }
            any |= !response.records().isEmpty();
            if (response.nextShardIterator() == null) {
                log.info("stream shard {} closed", shardId);
                reading.remove(shardId);
                discoveryDue = true;
            } else {
                cursor.iterator = response.nextShardIterator();
            }
        }
        return any;
    }

    private void restart(String shardId, Cursor cursor, Runnable gap) {
        if (cursor.lastSequence == null) {
            start(shardId, ShardIteratorType.LATEST, null);
            gap.run();
        } else {
            start(shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, cursor.lastSequence);
        }
    }

    private void start(String shardId, ShardIteratorType type, String afterSequence) {
        String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shardId)
                .shardIteratorType(type).sequenceNumber(afterSequence)).shardIterator();
        Cursor cursor = new Cursor();
        cursor.iterator = iterator;
        cursor.lastSequence = afterSequence;
        reading.put(shardId, cursor);
    }

    private List<Shard> list() {
        List<Shard> shards = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            String start = after.orElse(null);
            StreamDescription description = streams.describeStream(r -> r.streamArn(streamArn)
                    .exclusiveStartShardId(start)).streamDescription();
            shards.addAll(description.shards());
            after = Optional.ofNullable(description.lastEvaluatedShardId());
        } while (after.isPresent());
        return shards;
    }

    private static final class Cursor {
        String iterator;
        String lastSequence;
    }
}
