package io.eventgate.localcloud.dynamodb;

import com.almworks.sqlite4java.SQLiteConnection;
import com.almworks.sqlite4java.SQLiteJob;
import com.almworks.sqlite4java.SQLiteQueue;
import com.amazonaws.services.dynamodbv2.local.shared.access.sqlite.SQLiteDBAccess;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * DynamoDB Local's database thread, made slow to commit on demand — what a loaded machine does to it — so that a test
 * can see what is answered before a transaction is on disk. Replaces the job queue of a running DynamoDB Local (its one
 * thread that runs every SQLite statement, first in, first out) with one that, once {@link #holdNextCommit()} was
 * called, puts a closed gate in front of the next {@code COMMIT} job and a marker after it: the commit and everything
 * queued after it wait until {@link #release()}, and {@link #events()} records {@code "committed"} when it ran.
 *
 * <p>The {@code COMMIT} job is recognised as the job {@code SQLiteDBAccess.commitTransaction} creates (its anonymous
 * class's enclosing method): that is the method whose not waiting for its job this stands in for.
 */
final class HeldCommits extends SQLiteQueue {

    private final List<String> events;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);
    private volatile boolean holding;

    private HeldCommits(File database, List<String> events) {
        super(database);
        this.events = events;
    }

    /**
     * Swaps the queue of the DynamoDB Local behind {@code backend} (after its first request, which opens the shared
     * database) for a {@link HeldCommits}.
     *
     * @param events where {@code "committed"} is added once the held commit ran
     */
    static HeldCommits install(DynamoDbLocalBackend backend, List<String> events) throws Exception {
        SQLiteDBAccess database = find(backend, SQLiteDBAccess.class);
        Field queueField = SQLiteDBAccess.class.getDeclaredField("queue");
        queueField.setAccessible(true);
        Field fileField = SQLiteDBAccess.class.getDeclaredField("databaseFile");
        fileField.setAccessible(true);
        SQLiteQueue old = (SQLiteQueue) queueField.get(database);
        HeldCommits queue = new HeldCommits((File) fileField.get(database), events);
        queue.start();
        queueField.set(database, queue);
        old.stop(true).join();
        return queue;
    }

    /** The next {@code COMMIT} waits behind a closed gate until {@link #release()}. */
    void holdNextCommit() {
        holding = true;
    }

    /** Waits until the held commit is queued and the database thread stands at the gate. */
    boolean awaitHeld(long seconds) throws InterruptedException {
        return held.await(seconds, TimeUnit.SECONDS);
    }

    /** Opens the gate: the commit runs, then everything queued after it. */
    void release() {
        gate.countDown();
    }

    List<String> events() {
        return events;
    }

    @Override
    public <T, J extends SQLiteJob<T>> J execute(J job) {
        if (!holding || !isCommit(job)) {
            return super.execute(job);
        }
        holding = false;
        super.execute(new SQLiteJob<Void>() {
            @Override
            protected Void job(SQLiteConnection connection) throws InterruptedException {
                held.countDown();
                gate.await();
                return null;
            }
        });
        J commit = super.execute(job);
        super.execute(new SQLiteJob<Void>() {
            @Override
            protected Void job(SQLiteConnection connection) {
                events.add("committed");
                return null;
            }
        });
        return commit;
    }

    private static boolean isCommit(SQLiteJob<?> job) {
        Method creator = job.getClass().getEnclosingMethod();
        return creator != null && creator.getName().equals("commitTransaction");
    }

    /** The first object of the type reachable from {@code root} through fields (and map values), breadth first. */
    private static <T> T find(Object root, Class<T> type) throws IllegalAccessException {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> next = new ArrayDeque<>(List.of(root));
        while (!next.isEmpty()) {
            Object current = next.poll();
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (!seen.add(current) || current.getClass().getName().startsWith("java.")
                    && !(current instanceof Map<?, ?>)) {
                continue;
            }
            if (current instanceof Map<?, ?> map) {
                map.values().stream().filter(v -> v != null).forEach(next::add);
                continue;
            }
            for (Class<?> c = current.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (field.getType().isPrimitive() || java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                    } catch (RuntimeException inaccessible) {
                        continue;
                    }
                    Object value = field.get(current);
                    if (value != null) {
                        next.add(value);
                    }
                }
            }
        }
        throw new IllegalStateException("no " + type.getSimpleName() + " reachable from " + root);
    }

    /** A list to record into from DynamoDB Local's thread and the test's. */
    static List<String> newEvents() {
        return new CopyOnWriteArrayList<>();
    }
}
