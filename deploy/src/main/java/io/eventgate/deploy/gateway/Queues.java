package io.eventgate.deploy.gateway;

import io.eventgate.infra.sqs.QueueResource;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.sqs.CfnQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.constructs.Construct;

/**
 * The queues with exactly the attributes gateway-infra gives them (visibility, retention, redrive policy, and the
 * policy statements that let exactly their rules send). Added on AWS: SQS-managed encryption (which EventBridge can
 * send to) and a statement refusing requests without TLS.
 */
final class Queues extends Construct {

    private final Built built;

    Queues(Construct scope, Built built) {
        super(scope, "Queues");
        this.built = built;
    }

    void add(QueueResource resource) {
        Queue queue = Queue.Builder.create(this, Ids.of(resource.name()))
                .queueName(resource.name())
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        CfnQueue cfn = (CfnQueue) queue.getNode().getDefaultChild();
        resource.attributes(built.facts).forEach((attribute, value) -> set(queue, cfn, attribute, value));
        built.queues.put(resource.name(), queue);
        built.facts.put(QueueResource.arnFact(resource.name()), queue.getQueueArn());
        built.facts.put(QueueResource.urlFact(resource.name()), queue.getQueueUrl());
    }

    @SuppressWarnings("unchecked")
    private static void set(Queue queue, CfnQueue cfn, QueueAttributeName attribute, String value) {
        switch (attribute) {
            case VISIBILITY_TIMEOUT -> cfn.setVisibilityTimeout(Integer.parseInt(value));
            case MESSAGE_RETENTION_PERIOD -> cfn.setMessageRetentionPeriod(Integer.parseInt(value));
            case REDRIVE_POLICY -> cfn.setRedrivePolicy(Json.tree(value));
            // The L2 queue owns the one AWS::SQS::QueuePolicy a queue may have: gateway-infra's statements go in it.
            case POLICY -> ((List<Map<String, Object>>) Json.tree(value).get("Statement"))
                    .forEach(statement -> queue.addToResourcePolicy(PolicyStatement.fromJson(statement)));
            default -> throw new UnsupportedOperationException("gateway-infra sets the queue attribute " + attribute
                    + " on " + queue.getNode().getId() + ", which the CDK stack does not translate yet (Queues)");
        }
    }
}
