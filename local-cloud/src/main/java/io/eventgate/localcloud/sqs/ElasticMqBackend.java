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
import java.time.Duration;
import java.util.regex.Pattern;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQS, served by ElasticMQ on a loopback-only port behind the edge. Queue URLs name the edge, and queue ARNs the
 * configured region and account, so clients never see the backend.
 */
public final class ElasticMqBackend implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ElasticMqBackend.class);
    private static final Pattern QUEUE_PATH = Pattern.compile("^/\\d{12}/[A-Za-z0-9_-]{1,80}(\\.fifo)?$");

    private final SQSRestServer server;
    private final int port;
    private final QueuePolicies policies = new QueuePolicies();

    private ElasticMqBackend(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts ElasticMQ; blocks until it accepts requests.
     *
     * @param edgeHost host name clients reach the edge by
     * @param edgePort the edge port, written into queue URLs
     */
    public static ElasticMqBackend start(String edgeHost, int edgePort, String region, String accountId) {
        SQSRestServer server = SQSRestServerBuilder
                .withInterface("127.0.0.1")
                .withPort(0)
                .withServerAddress(new NodeAddress("http", edgeHost, edgePort, ""))
                .withAWSRegion(region)
                .withAWSAccountId(accountId)
                .start();
        int port = server.waitUntilStarted().localAddress().getPort();
        log.info("ElasticMQ on 127.0.0.1:{}, queue URLs at http://{}:{}", port, edgeHost, edgePort);
        return new ElasticMqBackend(server, port);
    }

    /**
     * The edge service forwarding SQS requests (JSON {@code AmazonSQS.*} or the query protocol) here, keeping queue
     * policies on the way (ElasticMQ ignores them).
     */
    public EdgeService edgeService(HttpClient client) {
        return new QueuePolicyService(
                new ForwardingService("sqs", ElasticMqBackend::isSqsRequest, uri(), client, () -> answers(client)),
                policies);
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
        server.stopAndWait();
    }
}
