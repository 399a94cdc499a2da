package io.eventgate.localcloud.sqs;

import io.eventgate.localcloud.edge.AwsJsonClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SQS's JSON protocol towards the SQS backend (ElasticMQ) on its loopback port: what local-cloud's own features
 * (EventBridge delivery, message move tasks) use to reach queues, without going through the edge.
 */
public final class SqsJsonClient {

    /** SQS answered with an error. */
    public static final class SqsError extends AwsJsonClient.Failure {

        public SqsError(int status, String code, String message) {
            super(status, code, message);
        }

        public boolean queueMissing() {
            return code().contains("NonExistentQueue") || code().contains("QueueDoesNotExist");
        }
    }

    private final AwsJsonClient client;

    /** @param maxConcurrentCalls calls to the backend at once (a burst must not open thousands of connections) */
    public SqsJsonClient(URI backend, HttpClient http, int maxConcurrentCalls) {
        this.client = new AwsJsonClient(backend, http, "AmazonSQS", "application/x-amz-json-1.0", maxConcurrentCalls);
    }

    /** One call; the response document, or {@link SqsError} for an error answer. */
    public JsonNode call(String operation, ObjectNode input) throws IOException, InterruptedException, SqsError {
        try {
            return client.call(operation, input);
        } catch (AwsJsonClient.Failure e) {
            String message = e.getMessage().substring(e.code().length() + 2);
            throw new SqsError(e.status(), e.code(), message);
        }
    }
}
