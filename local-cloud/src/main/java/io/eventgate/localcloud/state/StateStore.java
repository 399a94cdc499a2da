package io.eventgate.localcloud.state;

import io.eventgate.localcloud.edge.WriteBarrier;
import io.eventgate.localcloud.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * local-cloud's own durable state: a key → JSON value map kept in memory and written ahead to an append-only
 * {@link Journal} (one frame per change, group-committed with {@code fsync}), compacted into a snapshot whenever a
 * journal segment fills up.
 *
 * <p>Owners (buses, rules, keys, deliveries, ...) change their own objects, then {@link #put} or {@link #delete} the
 * key under the same lock, so the journal holds each key's changes in the order they happened. The edge calls
 * {@link #awaitWrites} before it answers, so nothing is acknowledged before it is on disk. A snapshot is exact: the
 * map is copied at the very point the journal switches segments, so it covers precisely the segments before it.
 *
 * <p>{@link #inMemory()} is the store for a local-cloud without {@code --data-dir}: every call does nothing, so the
 * hot paths pay one branch.
 */
public final class StateStore implements WriteBarrier, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StateStore.class);
    private static final Pattern SEGMENT = Pattern.compile("journal-(\\d+)\\.log");
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d+)\\.dat");
    private static final StateStore IN_MEMORY = new StateStore();

    /** A stored value, read back at start. */
    public record Entry(String key, JsonNode value) {
    }

    /** How the journal is written. */
    public record Settings(boolean fsync, long segmentBytes) {
        public static final Settings DEFAULTS = new Settings(true, 32L * 1024 * 1024);
    }

    private record Put(String k, Object v) {
    }

    private record Delete(String k, boolean d) {
    }

    private final Path directory;
    private final Journal journal;
    private final Map<String, byte[]> latest;
    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<long[]> pending = ThreadLocal.withInitial(() -> new long[1]);
    private final ExecutorService compactor;
    private volatile boolean closed;

    private StateStore() {
        this.directory = null;
        this.journal = null;
        this.latest = Map.of();
        this.compactor = null;
    }

    private StateStore(Path directory, Map<String, byte[]> latest, long nextSegment, Settings settings)
            throws IOException {
        this.directory = directory;
        this.latest = latest;
        this.compactor = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("local-cloud-compactor").factory());
        this.journal = new Journal(directory, nextSegment, settings.fsync(), settings.segmentBytes(),
                full -> compactor.execute(this::compactQuietly));
    }

    /** A store that keeps nothing: local-cloud without a data directory. */
    public static StateStore inMemory() {
        return IN_MEMORY;
    }

    /**
     * Opens (or creates) the store in {@code directory}: loads the newest snapshot, replays the journal after it,
     * drops a torn last frame (a write the process did not finish, never acknowledged), and starts a new segment.
     *
     * @throws IllegalStateException when a journal segment other than the last is damaged
     */
    public static StateStore open(Path directory, Settings settings) throws IOException {
        DataDirectory.createPrivate(directory);
        long started = System.nanoTime();
        TreeMap<Long, Path> segments = new TreeMap<>();
        TreeMap<Long, Path> snapshots = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                Matcher segment = SEGMENT.matcher(name);
                Matcher snapshot = SNAPSHOT.matcher(name);
                if (segment.matches()) {
                    segments.put(Long.parseLong(segment.group(1)), file);
                } else if (snapshot.matches()) {
                    snapshots.put(Long.parseLong(snapshot.group(1)), file);
                } else if (name.endsWith(".tmp")) {
                    Files.delete(file); // a snapshot that was never finished
                }
            }
        }
        Map<String, byte[]> latest = new HashMap<>();
        long covered = 0;
        if (!snapshots.isEmpty()) {
            covered = snapshots.lastKey();
            Path snapshot = snapshots.lastEntry().getValue();
            long end = Frames.read(snapshot, payload -> apply(latest, payload));
            if (end != Files.size(snapshot)) {
                throw new IllegalStateException("snapshot " + snapshot + " is damaged at byte " + end);
            }
        }
        long records = 0;
        long last = covered;
        for (var segment : segments.entrySet()) {
            if (segment.getKey() <= covered) {
                Files.deleteIfExists(segment.getValue()); // compacted into the snapshot already
                continue;
            }
            long[] count = {0};
            long end = Frames.read(segment.getValue(), payload -> {
                apply(latest, payload);
                count[0]++;
            });
            records += count[0];
            long size = Files.size(segment.getValue());
            if (end != size) {
                if (!segment.getKey().equals(segments.lastKey())) {
                    throw new IllegalStateException("journal segment " + segment.getValue() + " is damaged at byte "
                            + end + " and later segments exist: refusing to guess what was lost");
                }
                log.warn("journal {}: dropping {} bytes of a write that did not finish (never acknowledged)",
                        segment.getValue().getFileName(), size - end);
                try (FileChannel channel = FileChannel.open(segment.getValue(), StandardOpenOption.WRITE)) {
                    channel.truncate(end);
                    channel.force(true);
                }
            }
            last = segment.getKey();
        }
        for (var snapshot : snapshots.headMap(covered).values()) {
            Files.deleteIfExists(snapshot);
        }
        StateStore store = new StateStore(directory, latest, last + 1, settings);
        log.info("state in {}: {} entries from snapshot {} and {} journal records, loaded in {} ms", directory,
                latest.size(), covered, records, (System.nanoTime() - started) / 1_000_000);
        if (segments.tailMap(covered, false).size() > 8) {
            store.compactor.execute(store::compactQuietly);
        }
        return store;
    }

    /**
     * Replays one record. Only its key and kind are read ({@code {"k": ..., "v": ...}} or {@code {"k": ..., "d":
     * true}}, key first): values are parsed later, by their owners, and only the latest of each key.
     */
    private static void apply(Map<String, byte[]> latest, byte[] payload) {
        try (tools.jackson.core.JsonParser parser = Json.MAPPER.createParser(payload)) {
            if (parser.nextToken() != tools.jackson.core.JsonToken.START_OBJECT
                    || !"k".equals(parser.nextName())) {
                throw new IllegalStateException("not a state record: " + new String(payload,
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            String key = parser.nextStringValue();
            if ("d".equals(parser.nextName())) {
                latest.remove(key);
            } else {
                latest.put(key, payload);
            }
        }
    }

    /** Whether changes are kept (a data directory was given). */
    public boolean persistent() {
        return journal != null;
    }

    /**
     * Stores a value (any JSON-serialisable object) under a key, replacing the previous one. Call it under the lock
     * that guards the change, so that changes to one key reach the journal in order.
     */
    public void put(String key, Object value) {
        if (journal == null) {
            return;
        }
        record(key, Json.MAPPER.writeValueAsBytes(new Put(key, value)), false);
    }

    /** Forgets a key. */
    public void delete(String key) {
        if (journal == null) {
            return;
        }
        record(key, Json.MAPPER.writeValueAsBytes(new Delete(key, true)), true);
    }

    private void record(String key, byte[] payload, boolean delete) {
        long seq;
        lock.lock();
        try {
            if (closed) {
                return; // a late change while stopping: nothing is acknowledged any more
            }
            if (delete) {
                if (latest.remove(key) == null) {
                    return;
                }
            } else {
                latest.put(key, payload);
            }
            seq = journal.append(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
        long[] mine = pending.get();
        mine[0] = Math.max(mine[0], seq);
    }

    /** Every stored value whose key starts with the prefix, in key order (used at start to rebuild). */
    public List<Entry> entries(String prefix) {
        List<Entry> result = new ArrayList<>();
        lock.lock();
        try {
            new TreeMap<>(latest).forEach((key, payload) -> {
                if (key.startsWith(prefix)) {
                    result.add(new Entry(key, Json.parse(payload).get("v")));
                }
            });
        } finally {
            lock.unlock();
        }
        return result;
    }

    /** Reads a stored value back into a type. */
    public static <T> T read(JsonNode value, Class<T> type) {
        return Json.MAPPER.treeToValue(value, type);
    }

    @Override
    public void awaitWrites() throws IOException, InterruptedException {
        if (journal == null) {
            return;
        }
        long[] mine = pending.get();
        long seq = mine[0];
        if (seq > 0) {
            mine[0] = 0;
            journal.awaitDurable(seq);
        }
    }

    /** Blocks until every change made so far, by any thread, is durable (used by tests and a clean stop). */
    public void flush() throws IOException, InterruptedException {
        if (journal != null) {
            journal.awaitDurable(journal.lastSequence());
        }
    }

    private void compactQuietly() {
        if (closed) {
            return;
        }
        try {
            compact();
        } catch (IOException | RuntimeException e) {
            log.warn("compacting local-cloud's state failed (the journal is kept, nothing is lost): {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes a snapshot of everything, then deletes the journal segments it covers. */
    void compact() throws IOException, InterruptedException {
        long started = System.nanoTime();
        long covers;
        long marker;
        List<byte[]> values;
        lock.lock();
        try {
            covers = journal.rotate();
            marker = journal.lastSequence();
            values = new ArrayList<>(latest.values());
        } finally {
            lock.unlock();
        }
        journal.awaitDurable(marker);
        Path temporary = directory.resolve("snapshot-%012d.dat.tmp".formatted(covers));
        long bytes = 0;
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            DataDirectory.ownerOnly(temporary);
            ByteBuffer buffer = ByteBuffer.allocate(1024 * 1024);
            for (byte[] payload : values) {
                if (buffer.remaining() < Frames.size(payload)) {
                    bytes += drain(channel, buffer);
                    if (buffer.capacity() < Frames.size(payload)) {
                        buffer = ByteBuffer.allocate(Frames.size(payload));
                    }
                }
                Frames.write(buffer, payload);
            }
            bytes += drain(channel, buffer);
            channel.force(true);
        }
        Path snapshot = directory.resolve("snapshot-%012d.dat".formatted(covers));
        Files.move(temporary, snapshot, StandardCopyOption.ATOMIC_MOVE);
        DataDirectory.syncDirectory(directory);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Matcher segment = SEGMENT.matcher(file.getFileName().toString());
                Matcher older = SNAPSHOT.matcher(file.getFileName().toString());
                if ((segment.matches() && Long.parseLong(segment.group(1)) <= covers)
                        || (older.matches() && Long.parseLong(older.group(1)) < covers)) {
                    Files.deleteIfExists(file);
                }
            }
        }
        log.info("state compacted: snapshot {} with {} entries ({} KB) in {} ms", covers, values.size(), bytes / 1024,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static long drain(FileChannel channel, ByteBuffer buffer) throws IOException {
        buffer.flip();
        long written = 0;
        while (buffer.hasRemaining()) {
            written += channel.write(buffer);
        }
        buffer.clear();
        return written;
    }

    @Override
    public void close() {
        if (journal == null || closed) {
            return;
        }
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        compactor.shutdown();
        try {
            if (!compactor.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
                compactor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        journal.close();
    }
}
