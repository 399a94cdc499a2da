package io.eventgate.localcloud.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only log in numbered segment files, written by one thread with group commit: every record appended while
 * the previous batch was being written goes out in the next batch, followed by one {@code fsync}. Callers wait for
 * durability by sequence number ({@link #awaitDurable}); a later record durable means every earlier one is.
 *
 * <p>{@link #rotate()} closes the current segment after everything appended before it, so a snapshot taken at the
 * same moment covers exactly the closed segments.
 */
final class Journal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final byte[] ROTATE = new byte[0];

    private record Entry(long seq, byte[] payload) {
    }

    private final Path directory;
    private final boolean fsync;
    private final LongConsumer segmentFull;
    private final long segmentLimit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final Condition written = lock.newCondition();
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final Thread writer;
    private long lastSeq;
    private long queuedSegment;
    private long durableSeq;
    private IOException failure;
    private boolean closing;
    private long segment;
    private FileChannel channel;
    private long segmentBytes;

    /**
     * @param firstSegment the number of the segment to create and write first
     * @param segmentLimit bytes after which {@code segmentFull} is told (once per segment) so the owner can compact
     * @param segmentFull  called on the writer thread with the current segment number
     */
    Journal(Path directory, long firstSegment, boolean fsync, long segmentLimit, LongConsumer segmentFull)
            throws IOException {
        this.directory = directory;
        this.fsync = fsync;
        this.segmentLimit = segmentLimit;
        this.segmentFull = segmentFull;
        this.segment = firstSegment;
        this.queuedSegment = firstSegment;
        this.channel = open(firstSegment);
        this.writer = Thread.ofPlatform().daemon().name("local-cloud-journal").start(this::writeLoop);
    }

    static String segmentName(long number) {
        return "journal-%012d.log".formatted(number);
    }

    /** Queues a record; returns its sequence number. Appends are written in the order of their calls. */
    long append(byte[] payload) throws IOException {
        return enqueue(payload);
    }

    /** Closes the current segment after everything queued so far; returns the number of the segment it closes. */
    long rotate() throws IOException {
        lock.lock();
        try {
            enqueue(ROTATE);
            return queuedSegment++;
        } finally {
            lock.unlock();
        }
    }

    private long enqueue(byte[] payload) throws IOException {
        lock.lock();
        try {
            if (failure != null) {
                throw new IOException("the journal failed earlier: " + failure.getMessage(), failure);
            }
            if (closing) {
                throw new IOException("the journal is closed");
            }
            long seq = ++lastSeq;
            queue.addLast(new Entry(seq, payload));
            appended.signal();
            return seq;
        } finally {
            lock.unlock();
        }
    }

    /** The newest sequence number handed out so far. */
    long lastSequence() {
        lock.lock();
        try {
            return lastSeq;
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until the record with this sequence number (and so every earlier one) is on disk. */
    void awaitDurable(long seq) throws IOException, InterruptedException {
        lock.lock();
        try {
            while (durableSeq < seq && failure == null) {
                written.await();
            }
            if (durableSeq < seq) {
                throw new IOException("local-cloud could not write its state: " + failure.getMessage(), failure);
            }
        } finally {
            lock.unlock();
        }
    }

    private void writeLoop() {
        List<Entry> batch = new ArrayList<>();
        while (true) {
            lock.lock();
            try {
                while (queue.isEmpty() && !closing) {
                    appended.awaitUninterruptibly();
                }
                if (queue.isEmpty()) {
                    return;
                }
                batch.addAll(queue);
                queue.clear();
            } finally {
                lock.unlock();
            }
            long last = batch.getLast().seq();
            try {
                write(batch);
                lock.lock();
                try {
                    durableSeq = last;
                    written.signalAll();
                } finally {
                    lock.unlock();
                }
            } catch (IOException | RuntimeException e) {
                log.error("local-cloud's state journal in {} failed; nothing more is acknowledged", directory, e);
                lock.lock();
                try {
                    failure = e instanceof IOException io ? io : new IOException(e);
                    written.signalAll();
                } finally {
                    lock.unlock();
                }
                return;
            }
            batch.clear();
        }
    }

    private void write(List<Entry> batch) throws IOException {
        int size = 0;
        for (Entry entry : batch) {
            size += entry.payload() == ROTATE ? 0 : Frames.size(entry.payload());
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (Entry entry : batch) {
            if (entry.payload() == ROTATE) {
                flush(buffer);
                buffer.clear();
                channel.force(true);
                channel.close();
                segment++;
                segmentBytes = 0;
                channel = open(segment);
            } else {
                Frames.write(buffer, entry.payload());
            }
        }
        flush(buffer);
        if (fsync) {
            channel.force(false);
        }
        if (segmentBytes > segmentLimit) {
            long full = segment;
            segmentBytes = Long.MIN_VALUE; // tell once per segment
            segmentFull.accept(full);
        }
    }

    private void flush(ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            segmentBytes += channel.write(buffer);
        }
    }

    private FileChannel open(long number) throws IOException {
        Path file = directory.resolve(segmentName(number));
        FileChannel opened = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        DataDirectory.ownerOnly(file);
        DataDirectory.syncDirectory(directory);
        return opened;
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            appended.signal();
        } finally {
            lock.unlock();
        }
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            channel.force(true);
            channel.close();
        } catch (IOException e) {
            log.warn("closing the state journal: {}", e.toString());
        }
    }
}
