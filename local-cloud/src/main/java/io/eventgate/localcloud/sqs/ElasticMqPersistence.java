package io.eventgate.localcloud.sqs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Identify;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.QueueData;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.msg.GetQueueData;
import org.elasticmq.msg.LookupQueue;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.util.Either;

/**
 * ElasticMQ's own queue and message storage (its SQL persistence, on an H2 file in the data directory), wired the
 * way ElasticMQ's server wires it, with what local-cloud needs on top:
 * <ul>
 *   <li>H2 writes every commit at once ({@code WRITE_DELAY=0}): ElasticMQ answers a send, receive or delete only
 *       after its store confirmed it, so a killed process loses none of those;</li>
 *   <li>ElasticMQ hands queue-level changes (create, delete, attributes) to its store without waiting, so the edge
 *       waits for them with {@link #barrier()} before it answers;</li>
 *   <li>ElasticMQ's purge does not reach its store, so {@link #purged} drops the stored messages itself.</li>
 * </ul>
 */
final class ElasticMqPersistence {

    private static final Logger log = LoggerFactory.getLogger(ElasticMqPersistence.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** ElasticMQ keeps its SQL connection pool in a JVM-wide singleton: one persisted SQS per JVM at a time. */
    private static final AtomicBoolean IN_USE = new AtomicBoolean();

    private final ActorRef store;
    private final String uri;

    private ElasticMqPersistence(ActorRef store, String uri) {
        this.store = store;
        this.uri = uri;
    }

    /**
     * Starts ElasticMQ's store in {@code directory}.
     *
     * @throws IllegalStateException when another local-cloud with a data directory runs in this JVM
     */
    static ElasticMqPersistence start(ActorSystem system, Path directory) {
        if (!IN_USE.compareAndSet(false, true)) {
            throw new IllegalStateException("only one local-cloud with a data directory can run in one JVM "
                    + "(ElasticMQ's storage is JVM-wide); stop the other first");
        }
        try {
            String uri = "jdbc:h2:file:" + directory.resolve("elasticmq").toAbsolutePath()
                    + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
            resetConnectionPool();
            var config = new SqlQueuePersistenceConfig(true, "org.h2.Driver", uri, "", "", false);
            ActorRef store = system.actorOf(Props.create(SqlQueuePersistenceActor.class,
                    () -> new SqlQueuePersistenceActor(config, scala.collection.immutable.List$.MODULE$.empty())),
                    "queue-store");
            return new ElasticMqPersistence(store, uri);
        } catch (RuntimeException e) {
            IN_USE.set(false);
            throw e;
        }
    }

    ActorRef listener() {
        return store;
    }

    /** Recreates the stored queues and their messages in ElasticMQ; blocks until done. */
    void restore(ActorRef queueManager) {
        Object result = await(Patterns.ask(store, new QueueEvent.Restore(queueManager), TIMEOUT));
        if (result instanceof Either<?, ?> either && either.isLeft()) {
            throw new IllegalStateException("ElasticMQ could not restore its queues: " + either.left().get());
        }
    }

    /** Returns once the store has handled every change ElasticMQ handed it before this call. */
    void barrier() {
        await(Patterns.ask(store, new Identify("barrier"), TIMEOUT));
    }

    /** After a purge: the queue's stored messages go too (its in-memory ones are already gone). */
    void purged(ActorRef queueManager, String queueName) {
        Object queue = await(Patterns.ask(queueManager, new LookupQueue(queueName), TIMEOUT));
        if (queue instanceof Option<?> found && found.isDefined()) {
            Object data = await(Patterns.ask((ActorRef) found.get(), new GetQueueData(), TIMEOUT));
            store.tell(new QueueEvent.QueueDeleted(queueName), ActorRef.noSender());
            store.tell(new QueueEvent.QueueCreated((QueueData) data), ActorRef.noSender());
            barrier();
        }
    }

    /** Closes the store's connections (H2 then closes its file); call after the actor system stopped. */
    void close() {
        try {
            scalikejdbc.ConnectionPool$.MODULE$.closeAll();
        } catch (RuntimeException e) {
            log.warn("closing ElasticMQ's store {}: {}", uri, e.toString());
        } finally {
            IN_USE.set(false);
        }
    }

    private static Object await(java.util.concurrent.CompletionStage<Object> answer) {
        try {
            return answer.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for ElasticMQ's store", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("ElasticMQ's store did not answer: " + e, e);
        }
    }

    /**
     * ElasticMQ opens its pool only once per JVM (a private flag); a local-cloud started again in the same JVM (tests,
     * restarts) must get a pool on its own directory.
     */
    private static void resetConnectionPool() {
        try {
            var flag = Class.forName("org.elasticmq.persistence.sql.DB$").getDeclaredField("initialized");
            flag.setAccessible(true);
            flag.setBoolean(null, false);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this ElasticMQ version keeps its SQL pool differently: " + e, e);
        }
    }
}
