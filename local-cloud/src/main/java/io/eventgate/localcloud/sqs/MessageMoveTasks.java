package io.eventgate.localcloud.sqs;

import io.eventgate.localcloud.json.Json;
import io.eventgate.localcloud.sqs.SqsJsonClient.SqsError;
import io.eventgate.localcloud.state.StateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dead-letter queue redrive, served by local-cloud on top of SQS: {@code ListDeadLetterSourceQueues},
 * {@code StartMessageMoveTask}, {@code ListMessageMoveTasks} and {@code CancelMessageMoveTask}.
 *
 * <p>Redrive links are read from the queues' current {@code RedrivePolicy} attributes, however they were set
 * ({@code CreateQueue} or a later {@code SetQueueAttributes}). A task moves messages one by one: receive from the
 * dead-letter queue, send to the destination (or, without one, to the queue each message came from, as its
 * {@code DeadLetterQueueSourceArn} says), then delete — so a crash can repeat a message but never lose one. Tasks are
 * kept in the data directory; one that was running when local-cloud stopped carries on at the next start.
 */
final class MessageMoveTasks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MessageMoveTasks.class);
    private static final String KEY = "sqs/move-task/";
    private static final int MAX_RATE = 500;

    enum Status { RUNNING, COMPLETED, CANCELLING, CANCELLED, FAILED }

    /** One task, as listed and as stored. */
    record Task(String taskId, String sourceArn, Optional<String> destinationArn,
                Optional<Integer> maxNumberOfMessagesPerSecond, long startedTimestamp, Status status,
                long moved, long toMove, Optional<String> failureReason) {

        Task with(Status newStatus, long newMoved, Optional<String> reason) {
            return new Task(taskId, sourceArn, destinationArn, maxNumberOfMessagesPerSecond, startedTimestamp,
                    newStatus, newMoved, toMove, reason);
        }

        String handle() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (taskId + "|" + sourceArn).getBytes(StandardCharsets.UTF_8));
        }
    }

    private final SqsJsonClient sqs;
    private final Clock clock;
    private final StateStore state;
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final ExecutorService runners = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("sqs-message-move-", 0).factory());

    MessageMoveTasks(SqsJsonClient sqs, Clock clock, StateStore state) {
        this.sqs = sqs;
        this.clock = clock;
        this.state = state;
        for (StateStore.Entry entry : state.entries(KEY)) {
            Task task = StateStore.read(entry.value(), Task.class);
            tasks.put(task.taskId(), task);
        }
    }

    /** Carries on with the tasks that were running when local-cloud stopped. */
    void resume() {
        for (Task task : List.copyOf(tasks.values())) {
            if (task.status() == Status.CANCELLING) {
                update(task.taskId(), t -> t.with(Status.CANCELLED, t.moved(), Optional.empty()));
            } else if (task.status() == Status.RUNNING) {
                log.info("resuming message move task {} from {}", task.taskId(), task.sourceArn());
                runners.execute(() -> run(task.taskId()));
            }
        }
    }

    JsonNode listDeadLetterSourceQueues(JsonNode input) throws IOException, InterruptedException {
        String queueUrl = requiredString(input, "QueueUrl");
        String dlqArn = attributes(queueUrl, "QueueArn").path("QueueArn").asString();
        int max = input.hasNonNull("MaxResults") ? input.get("MaxResults").asInt() : 1000;
        if (max < 1 || max > 1000) {
            throw SqsException.invalidParameterValue("Value " + max + " for parameter MaxResults is invalid. "
                    + "Reason: must be between 1 and 1000.");
        }
        List<String> sources = new ArrayList<>();
        for (String url : queueUrls()) {
            if (dlqArn.equals(deadLetterTarget(url).orElse(null))) {
                sources.add(url);
            }
        }
        sources.sort(Comparator.naturalOrder());
        int from = offset(input);
        ObjectNode output = Json.object();
        ArrayNode urls = output.putArray("queueUrls");
        sources.stream().skip(from).limit(max).forEach(urls::add);
        if (from + max < sources.size()) {
            output.put("NextToken", String.valueOf(from + max));
        }
        return output;
    }

    JsonNode start(JsonNode input) throws IOException, InterruptedException {
        String sourceArn = requiredString(input, "SourceArn");
        Optional<String> destinationArn = optionalString(input, "DestinationArn").filter(s -> !s.isEmpty());
        Optional<Integer> rate = Optional.empty();
        if (input.hasNonNull("MaxNumberOfMessagesPerSecond")) {
            int value = input.get("MaxNumberOfMessagesPerSecond").asInt();
            if (!input.get("MaxNumberOfMessagesPerSecond").isIntegralNumber() || value < 1 || value > MAX_RATE) {
                throw SqsException.invalidParameterValue("Value for parameter MaxNumberOfMessagesPerSecond is "
                        + "invalid. Reason: must be between 1 and " + MAX_RATE + ".");
            }
            rate = Optional.of(value);
        }
        String sourceUrl = urlOf(sourceArn).orElseThrow(() -> SqsException.resourceNotFound(
                "The resource that you specified for the SourceArn parameter doesn't exist."));
        if (destinationArn.isPresent() && urlOf(destinationArn.get()).isEmpty()) {
            throw SqsException.resourceNotFound(
                    "The resource that you specified for the DestinationArn parameter doesn't exist.");
        }
        boolean isDeadLetterQueue = false;
        for (String url : queueUrls()) {
            if (sourceArn.equals(deadLetterTarget(url).orElse(null))) {
                isDeadLetterQueue = true;
                break;
            }
        }
        if (!isDeadLetterQueue) {
            throw SqsException.invalidParameterValue("Source queue must be configured as a Dead Letter Queue.");
        }
        long toMove = attributes(sourceUrl, "ApproximateNumberOfMessages").path("ApproximateNumberOfMessages")
                .asLong(0);
        Task task = new Task(UUID.randomUUID().toString(), sourceArn, destinationArn, rate,
                clock.millis(), Status.RUNNING, 0, toMove, Optional.empty());
        synchronized (this) {
            boolean active = tasks.values().stream().anyMatch(t -> t.sourceArn().equals(sourceArn)
                    && (t.status() == Status.RUNNING || t.status() == Status.CANCELLING));
            if (active) {
                throw SqsException.invalidParameterValue("There is already a task running. Only one active task is "
                        + "allowed for a source queue arn at a given time.");
            }
            tasks.put(task.taskId(), task);
            state.put(KEY + task.taskId(), task);
        }
        runners.execute(() -> run(task.taskId()));
        return Json.object().put("TaskHandle", task.handle());
    }

    JsonNode list(JsonNode input) throws IOException, InterruptedException {
        String sourceArn = requiredString(input, "SourceArn");
        int max = input.hasNonNull("MaxResults") ? input.get("MaxResults").asInt() : 1;
        if (max < 1 || max > 10) {
            throw SqsException.invalidParameterValue("Value " + max + " for parameter MaxResults is invalid. "
                    + "Reason: must be between 1 and 10.");
        }
        if (urlOf(sourceArn).isEmpty()) {
            throw SqsException.resourceNotFound(
                    "The resource that you specified for the SourceArn parameter doesn't exist.");
        }
        ObjectNode output = Json.object();
        ArrayNode results = output.putArray("Results");
        tasks.values().stream().filter(t -> t.sourceArn().equals(sourceArn))
                .sorted(Comparator.comparingLong(Task::startedTimestamp).reversed())
                .limit(max)
                .forEach(task -> {
                    ObjectNode entry = results.addObject();
                    if (task.status() == Status.RUNNING) {
                        entry.put("TaskHandle", task.handle());
                    }
                    entry.put("Status", task.status().name()).put("SourceArn", task.sourceArn());
                    task.destinationArn().ifPresent(d -> entry.put("DestinationArn", d));
                    task.maxNumberOfMessagesPerSecond().ifPresent(r -> entry.put("MaxNumberOfMessagesPerSecond", r));
                    entry.put("ApproximateNumberOfMessagesMoved", task.moved())
                            .put("ApproximateNumberOfMessagesToMove", task.toMove());
                    task.failureReason().ifPresent(r -> entry.put("FailureReason", r));
                    entry.put("StartedTimestamp", task.startedTimestamp());
                });
        return output;
    }

    JsonNode cancel(JsonNode input) {
        String handle = requiredString(input, "TaskHandle");
        String taskId;
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(handle), StandardCharsets.UTF_8);
            taskId = decoded.substring(0, decoded.indexOf('|'));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw SqsException.invalidParameterValue("Value for parameter TaskHandle is invalid.");
        }
        Task cancelled;
        synchronized (this) {
            Task task = tasks.get(taskId);
            if (task == null) {
                throw SqsException.resourceNotFound("Task does not exist.");
            }
            if (task.status() != Status.RUNNING) {
                throw new SqsException(400, "UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation",
                        "Only a running task can be cancelled; this one is " + task.status() + ".");
            }
            cancelled = update(taskId, t -> t.with(Status.CANCELLING, t.moved(), Optional.empty()));
        }
        return Json.object().put("ApproximateNumberOfMessagesMoved", cancelled.moved());
    }

    private void run(String taskId) {
        try {
            Task task = tasks.get(taskId);
            String sourceUrl = urlOf(task.sourceArn()).orElseThrow(() -> new IllegalStateException(
                    "the dead-letter queue " + task.sourceArn() + " no longer exists"));
            long pause = task.maxNumberOfMessagesPerSecond().map(r -> 1000L / r).orElse(0L);
            while (tasks.get(taskId).status() == Status.RUNNING) {
                ObjectNode receive = Json.object().put("QueueUrl", sourceUrl).put("MaxNumberOfMessages", 1)
                        .put("VisibilityTimeout", 30).put("WaitTimeSeconds", 0);
                receive.putArray("MessageAttributeNames").add("All");
                receive.putArray("MessageSystemAttributeNames").add("All");
                receive.putArray("AttributeNames").add("All");
                JsonNode messages = sqs.call("ReceiveMessage", receive).path("Messages");
                if (messages.isEmpty()) {
                    break;
                }
                JsonNode message = messages.get(0);
                String destinationArn = task.destinationArn().orElseGet(
                        () -> message.path("Attributes").path("DeadLetterQueueSourceArn").asString(""));
                String destinationUrl = urlOf(destinationArn).orElseThrow(() -> new IllegalStateException(
                        destinationArn.isEmpty() ? "a message has no source queue to go back to"
                                : "the destination queue " + destinationArn + " does not exist"));
                sqs.call("SendMessage", sendRequest(destinationUrl, message));
                sqs.call("DeleteMessage", Json.object().put("QueueUrl", sourceUrl)
                        .put("ReceiptHandle", message.path("ReceiptHandle").asString()));
                update(taskId, t -> t.with(t.status(), t.moved() + 1, Optional.empty()));
                if (pause > 0) {
                    Thread.sleep(pause);
                }
            }
            Task done = update(taskId, t -> t.with(t.status() == Status.RUNNING ? Status.COMPLETED : Status.CANCELLED,
                    t.moved(), Optional.empty()));
            log.info("message move task {} from {}: {} after {} messages", taskId, done.sourceArn(), done.status(),
                    done.moved());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the task stays RUNNING and resumes at the next start
        } catch (IOException | SqsError | RuntimeException e) {
            log.warn("message move task {} failed: {}", taskId, e.getMessage());
            update(taskId, t -> t.with(Status.FAILED, t.moved(), Optional.of(
                    e instanceof SqsError sqsError ? sqsError.code() : "AWS.SimpleQueueService.InternalError")));
        }
    }

    /** A received message, sent on with its body, message attributes and (FIFO) group. */
    private static ObjectNode sendRequest(String queueUrl, JsonNode message) {
        ObjectNode send = Json.object().put("QueueUrl", queueUrl).put("MessageBody", message.path("Body").asString());
        JsonNode attributes = message.path("MessageAttributes");
        if (attributes.isObject() && !attributes.isEmpty()) {
            ObjectNode copy = send.putObject("MessageAttributes");
            attributes.properties().forEach(e -> {
                ObjectNode value = copy.putObject(e.getKey()).put("DataType", e.getValue().path("DataType").asString());
                if (e.getValue().hasNonNull("StringValue")) {
                    value.put("StringValue", e.getValue().get("StringValue").asString());
                }
                if (e.getValue().hasNonNull("BinaryValue")) {
                    value.put("BinaryValue", e.getValue().get("BinaryValue").asString());
                }
            });
        }
        if (queueUrl.endsWith(".fifo")) {
            String group = message.path("Attributes").path("MessageGroupId").asString("redrive");
            send.put("MessageGroupId", group).put("MessageDeduplicationId", message.path("MessageId").asString());
        }
        return send;
    }

    private synchronized Task update(String taskId, java.util.function.UnaryOperator<Task> change) {
        Task changed = change.apply(tasks.get(taskId));
        tasks.put(taskId, changed);
        state.put(KEY + taskId, changed);
        return changed;
    }

    private List<String> queueUrls() throws IOException, InterruptedException {
        List<String> urls = new ArrayList<>();
        for (JsonNode url : call("ListQueues", Json.object()).path("QueueUrls")) {
            urls.add(url.asString());
        }
        return urls;
    }

    private Optional<String> deadLetterTarget(String queueUrl) throws IOException, InterruptedException {
        String policy;
        try {
            policy = attributes(queueUrl, "RedrivePolicy").path("RedrivePolicy").asString("");
        } catch (SqsException e) {
            return Optional.empty(); // deleted meanwhile
        }
        if (policy.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Json.parse(policy).path("deadLetterTargetArn").asString(null));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private JsonNode attributes(String queueUrl, String name) throws IOException, InterruptedException {
        ObjectNode request = Json.object().put("QueueUrl", queueUrl);
        request.putArray("AttributeNames").add(name);
        return call("GetQueueAttributes", request).path("Attributes");
    }

    /** The URL of the queue an ARN names, or empty when there is no such queue. */
    private Optional<String> urlOf(String queueArn) throws IOException, InterruptedException {
        String[] parts = queueArn.split(":", 6);
        if (parts.length != 6 || !"sqs".equals(parts[2])) {
            throw SqsException.invalidParameterValue("You must use this format to specify the queue ARN: "
                    + "arn:<partition>:sqs:<region>:<account-id>:<queue-name>");
        }
        try {
            return Optional.of(sqs.call("GetQueueUrl", Json.object().put("QueueName", parts[5])
                    .put("QueueOwnerAWSAccountId", parts[4])).path("QueueUrl").asString());
        } catch (SqsError e) {
            if (e.queueMissing()) {
                return Optional.empty();
            }
            throw new IOException(e.getMessage(), e);
        }
    }

    private JsonNode call(String operation, ObjectNode request) throws IOException, InterruptedException {
        try {
            return sqs.call(operation, request);
        } catch (SqsError e) {
            if (e.queueMissing()) {
                throw SqsException.queueDoesNotExist();
            }
            throw new IOException(e.getMessage(), e);
        }
    }

    private static int offset(JsonNode input) {
        if (!input.hasNonNull("NextToken")) {
            return 0;
        }
        try {
            return Integer.parseInt(input.get("NextToken").asString());
        } catch (NumberFormatException e) {
            throw SqsException.invalidParameterValue("Invalid NextToken value.");
        }
    }

    private static String requiredString(JsonNode input, String name) {
        return optionalString(input, name).filter(s -> !s.isEmpty())
                .orElseThrow(() -> SqsException.missingParameter(name));
    }

    private static Optional<String> optionalString(JsonNode input, String name) {
        JsonNode value = input.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw SqsException.serialization("Parameter " + name + " must be a string.");
        }
        return Optional.of(value.asString());
    }

    @Override
    public void close() {
        runners.shutdownNow();
    }
}
