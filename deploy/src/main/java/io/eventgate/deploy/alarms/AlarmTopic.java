package io.eventgate.deploy.alarms;

import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The topic every alarm notifies, with one e-mail subscription (AWS asks the address to confirm it). Encrypted with a
 * key of its own, which CloudWatch may use to publish.
 */
public final class AlarmTopic extends Construct {

    private final Topic topic;

    public AlarmTopic(Construct scope, String id, String email) {
        super(scope, id);
        Key key = Key.Builder.create(this, "Key")
                .description("eventgate alarm notifications")
                .enableKeyRotation(true)
                .build();
        key.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
        topic = Topic.Builder.create(this, "Topic")
                .displayName("eventgate alarms")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        topic.addSubscription(new EmailSubscription(email));
    }

    public ITopic topic() {
        return topic;
    }
}
