package io.eventgate.deploy.nag;

import io.eventgate.deploy.gateway.GatewayStack;
import io.eventgate.deploy.gateway.Parts;
import io.eventgate.deploy.services.ServicesStack;
import io.eventgate.deploy.services.SpringBootService;
import io.eventgate.infra.settings.InfraSettings;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.constructs.IConstruct;

/**
 * cdk-nag's AwsSolutions pack on the whole app, and every exception to it: each on the construct it concerns (never a
 * whole stack), each with the reason it is right here.
 */
public final class NagRules {

    static final String DLQ_OF_A_RULE = "This queue is itself a dead-letter queue: the DeadLetterConfig of a rule's"
            + " target (EventBridge, not an SQS redrive policy, which is what the rule looks for). A DLQ has no DLQ;"
            + " an alarm fires on its first message.";
    static final String PARTNER_KEY_ROTATION = "A partner key cannot rotate on Secrets Manager's schedule: the"
            + " partner must learn the new value at the same moment (carrier-service reads it at start, the"
            + " connection or API key is updated by a stack update). Rotation is a documented manual procedure"
            + " (README, Deploy to AWS).";
    static final String SERVICE_CREDENTIAL_ROTATION = "A service's own operator credential: it is rotated by putting"
            + " a new value and forcing a new deployment of the service (README, Deploy to AWS); there is no rotation"
            + " function that could tell the people who use it.";
    static final String BODY_VALIDATED = "The one method validates its body against the event-contracts model"
            + " (validator validate-body, as gateway-infra applies it); it declares no request parameters, so there"
            + " are none to validate.";
    static final String API_KEY_IS_THE_AUTHORIZATION = "Partners are HTTP-only systems: they authenticate with an API"
            + " key in a usage plan (throttle and quota per key), and the rule feeding orders-service matches the"
            + " calling key's id, which the mapping template stamps into every event. IAM signatures or Cognito tokens"
            + " are exactly what such a partner cannot produce.";
    static final String NO_WAF = "No WAF web ACL in the reference deployment (a fixed monthly cost per ACL and rule):"
            + " the stage admits API-key callers only, each throttled by its usage plan. Attach a web ACL where the"
            + " threat model asks for one.";
    static final String APIGATEWAY_LOG_ROLE = "API Gateway's account-level CloudWatch role, assumable by"
            + " apigateway.amazonaws.com only; AmazonAPIGatewayPushToCloudWatchLogs is the policy AWS documents for"
            + " it.";
    static final String PUBLIC_LOAD_BALANCER = "The public endpoint: EventBridge API destinations call the carrier"
            + " from AWS's public address space (no fixed ranges) and clients reach the orders API from anywhere. Only"
            + " 443 and 80 (which only redirects to HTTPS) are open; tasks accept traffic from the load balancer only.";
    static final String LOG_BUCKET = "This is the load balancer's access-log bucket; logging the access to it would"
            + " need another bucket, and so on.";
    static final String ENVIRONMENT_HOLDS_NO_SECRET = "The environment holds names and URLs only (region, table,"
            + " bus, queues, gateway URL, shutdown timing); every key comes from Secrets Manager as an ECS secret.";
    static final String ECR_TOKEN = "ecr:GetAuthorizationToken has no resource-level permission; the image pull"
            + " itself is allowed on the one repository only.";

    private NagRules() {
    }

    public static void apply(App app, GatewayStack gateway, ServicesStack services) {
        Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
        suppressGateway(gateway);
        suppressServices(services);
    }

    private static void suppressGateway(GatewayStack gateway) {
        Parts parts = gateway.parts();
        InfraSettings settings = gateway.description().settings();
        suppress(parts.get(parts.queues(), settings.carrier().outbound().deliveryDlq()), "AwsSolutions-SQS3",
                DLQ_OF_A_RULE);
        parts.connectionKeys().values().forEach(secret -> suppress(secret, "AwsSolutions-SMG4", PARTNER_KEY_ROTATION));
        parts.apiKeyValues().values().forEach(secret -> suppress(secret, "AwsSolutions-SMG4", PARTNER_KEY_ROTATION));
        NagSuppressions.addResourceSuppressions(parts.restApi(), List.of(
                rule("AwsSolutions-APIG2", BODY_VALIDATED),
                rule("AwsSolutions-APIG3", NO_WAF),
                rule("AwsSolutions-APIG4", API_KEY_IS_THE_AUTHORIZATION),
                rule("AwsSolutions-COG4", API_KEY_IS_THE_AUTHORIZATION),
                NagPackSuppression.builder().id("AwsSolutions-IAM4").reason(APIGATEWAY_LOG_ROLE)
                        .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/"
                                + "AmazonAPIGatewayPushToCloudWatchLogs"))
                        .build()), true);
    }

    private static void suppressServices(ServicesStack services) {
        suppress(services.endpoint().securityGroup(), "AwsSolutions-EC23", PUBLIC_LOAD_BALANCER);
        suppress(services.endpoint().accessLogs(), "AwsSolutions-S1", LOG_BUCKET);
        services.serviceCredentials().forEach(secret -> suppress(secret, "AwsSolutions-SMG4",
                SERVICE_CREDENTIAL_ROTATION));
        for (SpringBootService service : List.of(services.orders().fargate(), services.carrier().fargate())) {
            suppress(service.task(), "AwsSolutions-ECS2", ENVIRONMENT_HOLDS_NO_SECRET);
            NagSuppressions.addResourceSuppressions(service.task().obtainExecutionRole(), List.of(
                    NagPackSuppression.builder().id("AwsSolutions-IAM5").reason(ECR_TOKEN)
                            .appliesTo(List.of("Resource::*")).build()), true);
        }
    }

    private static void suppress(IConstruct construct, String rule, String reason) {
        NagSuppressions.addResourceSuppressions(construct, List.of(rule(rule, reason)), true);
    }

    private static NagPackSuppression rule(String id, String reason) {
        return NagPackSuppression.builder().id(id).reason(reason).build();
    }
}
