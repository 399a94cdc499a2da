package io.eventgate.deploy.gateway;

import io.eventgate.deploy.topology.Sentinels;
import java.util.List;
import java.util.Set;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * gateway-infra's targets (EventBridge API objects) as CloudFormation target properties. A target property this class
 * does not translate fails the synthesis instead of being dropped.
 */
final class RuleTargets {

    static final Set<String> TRANSLATED = Set.of("Id", "Arn", "RoleArn", "Input", "InputPath", "InputTransformer",
            "HttpParameters", "RetryPolicy", "DeadLetterConfig", "SqsParameters");

    private RuleTargets() {
    }

    static CfnRule.TargetProperty of(Target target) {
        for (SdkField<?> field : target.sdkFields()) {
            Object value = field.getValueOrDefault(target);
            if (value != null && !TRANSLATED.contains(field.locationName())) {
                throw new UnsupportedOperationException("target " + target.id() + " sets " + field.locationName()
                        + ", which the CDK stack does not translate yet (RuleTargets)");
            }
        }
        var builder = CfnRule.TargetProperty.builder()
                .id(target.id())
                .arn(Sentinels.resolve(target.arn()))
                .roleArn(target.roleArn() == null ? null : Sentinels.resolve(target.roleArn()))
                .input(target.input())
                .inputPath(target.inputPath());
        if (target.inputTransformer() != null) {
            builder.inputTransformer(CfnRule.InputTransformerProperty.builder()
                    .inputPathsMap(target.inputTransformer().hasInputPathsMap()
                            ? target.inputTransformer().inputPathsMap() : null)
                    .inputTemplate(target.inputTransformer().inputTemplate())
                    .build());
        }
        if (target.httpParameters() != null) {
            var http = target.httpParameters();
            builder.httpParameters(CfnRule.HttpParametersProperty.builder()
                    .headerParameters(http.hasHeaderParameters() ? http.headerParameters() : null)
                    .pathParameterValues(http.hasPathParameterValues() ? List.copyOf(http.pathParameterValues()) : null)
                    .queryStringParameters(http.hasQueryStringParameters() ? http.queryStringParameters() : null)
                    .build());
        }
        if (target.retryPolicy() != null) {
            builder.retryPolicy(CfnRule.RetryPolicyProperty.builder()
                    .maximumRetryAttempts(target.retryPolicy().maximumRetryAttempts())
                    .maximumEventAgeInSeconds(target.retryPolicy().maximumEventAgeInSeconds())
                    .build());
        }
        if (target.deadLetterConfig() != null) {
            builder.deadLetterConfig(CfnRule.DeadLetterConfigProperty.builder()
                    .arn(Sentinels.resolve(target.deadLetterConfig().arn()))
                    .build());
        }
        if (target.sqsParameters() != null) {
            builder.sqsParameters(CfnRule.SqsParametersProperty.builder()
                    .messageGroupId(target.sqsParameters().messageGroupId())
                    .build());
        }
        return builder.build();
    }
}
