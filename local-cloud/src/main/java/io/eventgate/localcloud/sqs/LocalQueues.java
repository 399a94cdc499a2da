package io.eventgate.localcloud.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.DeduplicationId;
import org.elasticmq.ImmediateNextDelivery$;
import org.elasticmq.Limits$;
import org.elasticmq.MessageAttribute;
import org.elasticmq.MessageContent;
import org.elasticmq.NewMessageData;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.StringMessageAttribute;
import org.elasticmq.msg.LookupQueue;
import org.elasticmq.msg.SendMessage;
import scala.Option;
import scala.util.Either;

/**
 * Sends messages to ElasticMQ's queues in-process, through its queue actors: how local-cloud's own EventBridge delivers
 * to SQS targets. The checks are ElasticMQ's own for {@code SendMessage} (the body's characters and size under AWS's
 * limits; FIFO message group and deduplication ids); what it saves is the HTTP round trip to ElasticMQ's REST server
 * and the JSON on both sides, which cost more than ten times what the queue itself does (profile in
 * {@code bench/local-cloud/README.md}). With a data directory, a send is answered only once ElasticMQ's store has
 * the message, exactly as over HTTP: the queue actor replies after its store did.
 */
public final class LocalQueues {

    /**
     * A message to send; {@code groupId} and {@code deduplicationId} only for FIFO queues (else null); string message
     * attributes by name.
     */
    public record Outgoing(String body, String groupId, String deduplicationId, Map<String, String> attributes) {
        public Outgoing {
            attributes = Map.copyOf(attributes);
        }

        public Outgoing(String body, String groupId, String deduplicationId) {
            this(body, groupId, deduplicationId, Map.of());
        }
    }

    /** What became of one message. */
    public sealed interface Outcome {
        /** In the queue. */
        record Sent() implements Outcome {
        }

        /** Refused for what it is (sending it again cannot succeed). */
        record Refused(String code, String message) implements Outcome {
        }
    }

    /** ElasticMQ did not answer in time (a stopping or overloaded backend: worth another try). */
    public static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Outcome SENT = new Outcome.Sent();
    /** ElasticMQ's (and AWS's) rule for MessageGroupId and MessageDeduplicationId. */
    private static final Pattern FIFO_ID = Pattern.compile("^[a-zA-Z0-9!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]{1,128}$");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ActorRef queueManager;

    LocalQueues(ActorRef queueManager) {
        this.queueManager = queueManager;
    }

    /** Whether the queue exists now. */
    public boolean exists(String queueName) throws InterruptedException, Unavailable {
        return lookup(queueName).isPresent();
    }

    /**
     * Sends the messages to the queue, all at once (the queue actor takes them in order).
     *
     * @return one outcome per message, in order; empty when there is no such queue
     */
    public Optional<List<Outcome>> send(String queueName, List<Outgoing> messages)
            throws InterruptedException, Unavailable {
        Optional<ActorRef> queue = lookup(queueName);
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        boolean fifo = queueName.endsWith(".fifo");
        List<Outcome> outcomes = new ArrayList<>(messages.size());
        List<CompletableFuture<Object>> answers = new ArrayList<>(messages.size());
        for (Outgoing message : messages) {
            Optional<Outcome.Refused> refused = check(message, fifo);
            outcomes.add(refused.orElse(null));
            answers.add(refused.isPresent() ? null : Patterns.ask(queue.get(), new SendMessage(newMessage(message)),
                    TIMEOUT).toCompletableFuture());
        }
        for (int i = 0; i < messages.size(); i++) {
            if (answers.get(i) != null) {
                await(answers.get(i), queueName);
                outcomes.set(i, SENT);
            }
        }
        return Optional.of(outcomes);
    }

    private Optional<ActorRef> lookup(String queueName) throws InterruptedException, Unavailable {
        Object found = await(Patterns.ask(queueManager, new LookupQueue(queueName), TIMEOUT).toCompletableFuture(),
                queueName);
        return found instanceof Option<?> option && option.isDefined() ? Optional.of((ActorRef) option.get())
                : Optional.empty();
    }

    /** ElasticMQ's SendMessage checks, in its words. */
    private static Optional<Outcome.Refused> check(Outgoing message, boolean fifo) {
        Either<String, ?> body = Limits$.MODULE$.verifyMessageBody(message.body(), StrictSQSLimits$.MODULE$);
        if (body.isLeft()) {
            return Optional.of(new Outcome.Refused("InvalidAttributeValue",
                    "Invalid value for the parameter MessageBody: " + body.left().get()));
        }
        for (var attribute : message.attributes().entrySet()) {
            Either<String, ?> value = Limits$.MODULE$.verifyMessageStringAttribute(attribute.getKey(),
                    attribute.getValue(), StrictSQSLimits$.MODULE$);
            if (value.isLeft()) {
                return Optional.of(new Outcome.Refused("InvalidAttributeValue",
                        "Invalid value for the parameter " + attribute.getKey() + ": " + value.left().get()));
            }
        }
        if (fifo && message.groupId() == null) {
            return Optional.of(new Outcome.Refused("MissingParameter", "The request must contain the parameter "
                    + "MessageGroupId."));
        }
        // A group id is allowed on standard queues too (fair queues); a deduplication id only on FIFO ones.
        if (!fifo && message.deduplicationId() != null) {
            return Optional.of(new Outcome.Refused("InvalidParameterValue",
                    "MessageDeduplicationId is only for FIFO queues"));
        }
        for (String id : new String[] {message.groupId(), message.deduplicationId()}) {
            if (id != null && !FIFO_ID.matcher(id).matches()) {
                return Optional.of(new Outcome.Refused("InvalidParameterValue", "MessageGroupId and "
                        + "MessageDeduplicationId can only include alphanumeric and punctuation characters. 1 to 128 "
                        + "in length."));
            }
        }
        if (fifo && message.deduplicationId() == null) {
            return Optional.of(new Outcome.Refused("InvalidParameterValue", "The queue should either have "
                    + "ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly"));
        }
        return Optional.empty();
    }

    private static NewMessageData newMessage(Outgoing message) {
        scala.collection.immutable.Map<String, MessageAttribute> attributes = scala.collection.immutable.Map$.MODULE$
                .empty();
        for (var attribute : message.attributes().entrySet()) {
            attributes = attributes.updated(attribute.getKey(),
                    new StringMessageAttribute(attribute.getValue(), Option.empty()));
        }
        return new NewMessageData(Option.empty(), new MessageContent(message.body()), attributes,
                ImmediateNextDelivery$.MODULE$,
                Option.apply(message.groupId()),
                message.deduplicationId() == null ? Option.empty()
                        : Option.apply(new DeduplicationId(message.deduplicationId())),
                0, Option.empty(), Option.empty(), Option.empty());
    }

    private static Object await(CompletableFuture<Object> answer, String queueName)
            throws InterruptedException, Unavailable {
        try {
            return answer.get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new Unavailable("ElasticMQ did not answer for queue " + queueName + ": "
                    + (e.getCause() == null ? e : e.getCause()), e);
        }
    }
}
