package io.eventgate.infra.sqs;

import io.eventgate.infra.aws.JsonDocs;
import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.NamedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * A standard queue and the attributes the topology manages on it. Attributes it does not manage (encryption, delay)
 * are left as they are; JSON-valued ones (policy, redrive policy) are compared by meaning.
 */
public final class QueueResource extends NamedResource {

    private static final Logger log = LoggerFactory.getLogger(QueueResource.class);
    private static final Set<QueueAttributeName> JSON_VALUED = Set.of(QueueAttributeName.POLICY,
            QueueAttributeName.REDRIVE_POLICY);
    /** Attributes SQS always reports; missing ones mean the endpoint does not implement them. */
    private static final Set<QueueAttributeName> ALWAYS_REPORTED = Set.of(QueueAttributeName.VISIBILITY_TIMEOUT,
            QueueAttributeName.MESSAGE_RETENTION_PERIOD, QueueAttributeName.DELAY_SECONDS,
            QueueAttributeName.MAXIMUM_MESSAGE_SIZE, QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS);

    /** Attributes already warned about in this process: one warning per attribute, not one per queue and run. */
    private static final Set<QueueAttributeName> UNVERIFIABLE_WARNED = ConcurrentHashMap.newKeySet();

    private final String queueName;
    private final Function<Facts, Map<QueueAttributeName, String>> attributes;
    private final SqsClient sqs;

    /**
     * @param attributes the attributes the queue must have, given what earlier resources made known
     */
    public QueueResource(String queueName, Function<Facts, Map<QueueAttributeName, String>> attributes, SqsClient sqs) {
        super("sqs queue", queueName);
        this.queueName = queueName;
        this.attributes = attributes;
        this.sqs = sqs;
    }

    public static String urlFact(String queue) {
        return "sqs.queue." + queue + ".url";
    }

    public static String arnFact(String queue) {
        return "sqs.queue." + queue + ".arn";
    }

    /** The attributes the queue must have, given the facts: its desired state as data. */
    public Map<QueueAttributeName, String> attributes(Facts facts) {
        return attributes.apply(facts);
    }

    @Override
    public Change plan(Facts facts) {
        Map<QueueAttributeName, String> wanted = attributes.apply(facts);
        Optional<String> url = url();
        if (url.isEmpty()) {
            return Change.create(() -> {
                String created = sqs.createQueue(b -> b.queueName(queueName).attributes(wanted)).queueUrl();
                publish(facts, created);
            });
        }
        Map<QueueAttributeName, String> live = publish(facts, url.get());
        List<String> details = new ArrayList<>();
        for (var entry : wanted.entrySet()) {
            String current = live.get(entry.getKey());
            if (current == null && ALWAYS_REPORTED.contains(entry.getKey())) {
                // ElasticMQ (behind local-cloud) ignores MessageRetentionPeriod; AWS always reports it.
                if (UNVERIFIABLE_WARNED.add(entry.getKey())) {
                    log.warn("The endpoint does not report the queues' {}: it is set but cannot be verified",
                            entry.getKey());
                }
                continue;
            }
            boolean same = JSON_VALUED.contains(entry.getKey()) ? JsonDocs.same(current, entry.getValue())
                    : entry.getValue().equals(current);
            if (!same) {
                details.add(entry.getKey() + (JSON_VALUED.contains(entry.getKey())
                        ? (current == null ? " (not set)" : " (differs)") + " -> " + entry.getValue()
                        : " " + current + " -> " + entry.getValue()));
            }
        }
        if (details.isEmpty()) {
            return Change.none();
        }
        return Change.update(details, () -> sqs.setQueueAttributes(b -> b.queueUrl(url.get()).attributes(wanted)));
    }

    @Override
    public Change planDeletion(Facts facts) {
        Optional<String> url = url();
        if (url.isEmpty()) {
            return Change.none();
        }
        return Change.delete(() -> sqs.deleteQueue(b -> b.queueUrl(url.get())));
    }

    private Optional<String> url() {
        try {
            return Optional.of(sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl());
        } catch (QueueDoesNotExistException e) {
            return Optional.empty();
        }
    }

    private Map<QueueAttributeName, String> publish(Facts facts, String url) {
        Map<QueueAttributeName, String> live = sqs.getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        facts.put(urlFact(queueName), url);
        facts.put(arnFact(queueName), live.get(QueueAttributeName.QUEUE_ARN));
        return live;
    }
}
