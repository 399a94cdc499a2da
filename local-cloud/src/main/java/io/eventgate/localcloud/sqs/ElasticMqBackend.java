package io.eventgate.localcloud.sqs;

import io.eventgate.localcloud.edge.AwsRequests;
import io.eventgate.localcloud.edge.EdgeRequest;
import io.eventgate.localcloud.edge.EdgeService;
import io.eventgate.localcloud.edge.ForwardingService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.eventgate.localcloud.state.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.util.NowProvider;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQS, served by ElasticMQ on a loopback-only port behind the edge. Queue URLs name the edge, and queue ARNs the
 * configured region and account, so clients never see the backend. With a data directory, queues and messages are
 * kept by ElasticMQ's own storage ({@link ElasticMqPersistence}); queue policies and message move tasks, which
 * local-cloud adds, by local-cloud's state store.
 */
public final class ElasticMqBackend implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ElasticMqBackend.class);
    /**
     * Pekko HTTP parses every request header into its typed model unless told not to, and the AWS SDK's
     * {@code User-Agent} and SigV4 {@code Authorization} headers do not fit that model: each failed parse throws, and
     * is parsed a second time to trace the error — a fifth of ElasticMQ's request handling (JFR profile in
     * {@code bench/local-cloud/README.md}). ElasticMQ reads only {@code X-Amz-Target}, {@code X-Amzn-Trace-Id} and the
     * content type, which are served as well unparsed.
     */
    private static final Config PEKKO_SETTINGS = ConfigFactory.parseString(
            "pekko.http.server.parsing.modeled-header-parsing = off");
    private static final Pattern QUEUE_PATH = Pattern.compile("^/\\d{12}/[A-Za-z0-9_-]{1,80}(\\.fifo)?$");

    private final SQSRestServer server;
    private final int port;
    private final ActorSystem actors;
    private final ActorRef queueManager;
    private final Optional<ElasticMqPersistence> persistence;
    private volatile QueuePolicies policies = new QueuePolicies();
    private volatile MessageMoveTasks moves;

    private ElasticMqBackend(SQSRestServer server, int port, ActorSystem actors, ActorRef queueManager,
                             Optional<ElasticMqPersistence> persistence) {
        this.server = server;
        this.port = port;
        this.actors = actors;
        this.queueManager = queueManager;
        this.persistence = persistence;
    }

    /** Starts ElasticMQ in memory. */
    public static ElasticMqBackend start(String edgeHost, int edgePort, String region, String accountId) {
        return start(edgeHost, edgePort, region, accountId, Optional.empty()).withState(StateStore.inMemory());
    }

    /**
     * Starts ElasticMQ; blocks until it accepts requests, with every stored queue and message restored.
     *
     * @param edgeHost  host name clients reach the edge by
     * @param edgePort  the edge port, written into queue URLs
     * @param directory where ElasticMQ keeps queues and messages; empty keeps them in memory; call
     *                  {@link #withState} before serving
     */
    public static ElasticMqBackend start(String edgeHost, int edgePort, String region, String accountId,
                                         Optional<Path> directory) {
        ActorSystem actors = ActorSystem.create("elasticmq", PEKKO_SETTINGS.withFallback(ConfigFactory.load()));
        Optional<ElasticMqPersistence> persistence = Optional.empty();
        try {
            persistence = directory.map(dir -> ElasticMqPersistence.start(actors, dir));
            scala.Option<ActorRef> listener = scala.Option.apply(persistence.map(ElasticMqPersistence::listener)
                    .orElse(null));
            ActorRef queueManager = actors.actorOf(Props.create(QueueManagerActor.class,
                    () -> new QueueManagerActor(new NowProvider(), StrictSQSLimits$.MODULE$, listener)),
                    "queue-manager");
            persistence.ifPresent(p -> p.restore(queueManager));
            var builder = SQSRestServerBuilder
                    .withActorSystem(actors)
                    .withQueueManagerActor(queueManager)
                    .withInterface("127.0.0.1")
                    .withPort(0)
                    .withServerAddress(new NodeAddress("http", edgeHost, edgePort, ""))
                    .withAWSRegion(region)
                    .withAWSAccountId(accountId);
            if (listener.isDefined()) {
                builder = builder.withQueueEventListener(listener.get());
            }
            SQSRestServer server = builder.start();
            int port = server.waitUntilStarted().localAddress().getPort();
            log.info("ElasticMQ on 127.0.0.1:{}, queue URLs at http://{}:{}, {}", port, edgeHost, edgePort,
                    directory.map(d -> "queues and messages kept in " + d).orElse("in memory"));
            return new ElasticMqBackend(server, port, actors, queueManager, persistence);
        } catch (RuntimeException e) {
            actors.terminate();
            persistence.ifPresent(ElasticMqPersistence::close);
            throw e;
        }
    }

    /**
     * Reads what local-cloud keeps about queues (policies, message move tasks) from its state and resumes the move
     * tasks that were running. Separate from {@link #start} so that ElasticMQ starts while that state is read.
     */
    public ElasticMqBackend withState(StateStore state) {
        policies = new QueuePolicies(state);
        moves = new MessageMoveTasks(new SqsJsonClient(uri(),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), 8), java.time.Clock.systemUTC(),
                state);
        moves.resume();
        return this;
    }

    /**
     * The edge service forwarding SQS requests (JSON {@code AmazonSQS.*} or the query protocol) here, keeping queue
     * policies on the way (ElasticMQ ignores them).
     */
    public EdgeService edgeService(HttpClient client) {
        SqsService.QueueStore store = persistence.<SqsService.QueueStore>map(p -> new StoredQueues(p, queueManager))
                .orElse(SqsService.QueueStore.NONE);
        return new SqsService(
                new ForwardingService("sqs", ElasticMqBackend::isSqsRequest, uri(), client, () -> answers(client)),
                policies, store, moves);
    }

    /** ElasticMQ's storage as the SQS edge needs it. */
    private record StoredQueues(ElasticMqPersistence persistence, ActorRef queueManager)
            implements SqsService.QueueStore {
        @Override
        public void changed() {
            persistence.barrier();
        }

        @Override
        public void purged(String queueName) {
            persistence.purged(queueManager, queueName);
        }
    }

    /** The queues in-process, for local-cloud's own senders (EventBridge targets and dead-letter queues). */
    public LocalQueues queues() {
        return new LocalQueues(queueManager);
    }

    /** Every queue's {@code Policy} attribute, as set through the edge. */
    public QueuePolicies policies() {
        return policies;
    }

    /** Health probe: ElasticMQ answers a ListQueues within 5 s (its first answer can take seconds on a busy machine). */
    private boolean answers(HttpClient client) {
        var probe = HttpRequest.newBuilder(uri())
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AmazonSQS.ListQueues")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        try {
            int status = client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                log.warn("SQS health probe: ElasticMQ answered {}", status);
            }
            return status == 200;
        } catch (IOException e) {
            log.warn("SQS health probe: ElasticMQ did not answer: {}", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    static boolean isSqsRequest(EdgeRequest request) {
        if (AwsRequests.targetPrefix(request).filter("AmazonSQS"::equals).isPresent()) {
            return true;
        }
        if (request.header("X-Amz-Target").isPresent()) {
            return false;
        }
        // Query protocol (older CLIs): form-encoded Action, signed for sqs or posted to a queue URL.
        return AwsRequests.queryAction(request).isPresent()
                && (AwsRequests.signingService(request).filter("sqs"::equals).isPresent()
                    || QUEUE_PATH.matcher(request.path()).matches());
    }

    @Override
    public void close() {
        if (moves != null) {
            moves.close();
        }
        try {
            server.stopAndWait();
        } finally {
            try {
                actors.terminate();
                scala.concurrent.Await.result(actors.whenTerminated(),
                        scala.concurrent.duration.Duration.create(30, java.util.concurrent.TimeUnit.SECONDS));
            } catch (Exception e) {
                log.warn("stopping ElasticMQ's actors: {}", e.toString());
            }
            persistence.ifPresent(ElasticMqPersistence::close);
        }
    }
}
