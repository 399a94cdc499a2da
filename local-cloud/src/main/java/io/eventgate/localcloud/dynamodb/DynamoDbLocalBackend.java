package io.eventgate.localcloud.dynamodb;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import io.eventgate.localcloud.edge.AwsJsonClient;
import io.eventgate.localcloud.edge.AwsRequests;
import io.eventgate.localcloud.state.StateStore;
import io.eventgate.localcloud.edge.EdgeService;
import io.eventgate.localcloud.edge.ForwardingService;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB and DynamoDB Streams, served by DynamoDB Local on a loopback-only port behind the edge.
 *
 * <p>One shared database for every access key and region (like LocalStack), in memory unless a data directory is
 * given. DynamoDB Local's own telemetry is never started.
 */
public final class DynamoDbLocalBackend implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbLocalBackend.class);
    private static final Set<String> TARGET_PREFIXES = Set.of("DynamoDB_20120810", "DynamoDBStreams_20120810");

    private final Server server;
    private final ServerConnector connector;
    private final LocalDynamoDBServerHandler handler;
    private final boolean inMemory;

    private DynamoDbLocalBackend(Server server, ServerConnector connector, LocalDynamoDBServerHandler handler,
                                 boolean inMemory) {
        this.server = server;
        this.connector = connector;
        this.handler = handler;
        this.inMemory = inMemory;
    }

    /** Starts DynamoDB Local; blocks until it accepts requests. */
    public static DynamoDbLocalBackend start(Optional<Path> dataDirectory) throws Exception {
        SqliteNatives.install();
        boolean inMemory = dataDirectory.isEmpty();
        String dbPath = null;
        if (dataDirectory.isPresent()) {
            Path dir = dataDirectory.get().resolve("dynamodb");
            Files.createDirectories(dir);
            dbPath = dir.toAbsolutePath().toString();
        }
        // sharedDb = true: one database whatever the caller's access key and region.
        var requestHandler = new LocalDynamoDBRequestHandler(0, inMemory, dbPath, true, false);
        var handler = new LocalDynamoDBServerHandler(requestHandler, null);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
        log.info("DynamoDB Local {} on 127.0.0.1:{}", inMemory ? "in memory" : "persisted to " + dbPath,
                connector.getLocalPort());
        return new DynamoDbLocalBackend(server, connector, handler, inMemory);
    }

    /** The edge service forwarding {@code DynamoDB_20120810.*} and {@code DynamoDBStreams_20120810.*} here. */
    public EdgeService edgeService(HttpClient client) {
        return edgeService(client, StateStore.inMemory());
    }

    /**
     * The edge service for DynamoDB and DynamoDB Streams: DynamoDB Local behind local-cloud's own checks and
     * additions ({@link DynamoDbService}), which keep table tags and recovery settings in {@code state}. With a data
     * directory, a transaction is answered only once DynamoDB Local has committed it ({@link CommitBarrier}).
     */
    public EdgeService edgeService(HttpClient client, StateStore state) {
        var forwarding = new ForwardingService("dynamodb",
                request -> AwsRequests.targetPrefix(request).filter(TARGET_PREFIXES::contains).isPresent(),
                uri(), client, server::isRunning);
        var dynamo = new AwsJsonClient(uri(), client, "DynamoDB_20120810", "application/x-amz-json-1.0", 16);
        return new DynamoDbService(forwarding, dynamo, new TableExtras(java.time.Clock.systemUTC(), state),
                inMemory ? CommitBarrier.NONE : CommitBarrier.through(dynamo));
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        server.stop();
        handler.close();
    }
}
