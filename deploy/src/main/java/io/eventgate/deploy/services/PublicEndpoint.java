package io.eventgate.deploy.services;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.RedirectOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The internet-facing load balancer: HTTPS on 443 with the given certificate (API destinations call HTTPS only), HTTP
 * on 80 answering nothing but a redirect to HTTPS, and a 404 for every request no service's rule claims.
 */
public final class PublicEndpoint extends Construct {

    static final int HTTPS = 443;
    static final int HTTP = 80;

    private final SecurityGroup securityGroup;
    private final Bucket accessLogs;
    private final ApplicationLoadBalancer loadBalancer;
    private final ApplicationListener https;

    public PublicEndpoint(Construct scope, String id, IVpc vpc, String certificateArn) {
        super(scope, id);
        securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(vpc)
                .description("eventgate load balancer: HTTPS (and HTTP for the redirect) from anywhere")
                .allowAllOutbound(false)
                .build();
        securityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(HTTPS), "HTTPS from clients and EventBridge");
        securityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(HTTP), "HTTP, answered with a redirect to HTTPS");
        loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
                .vpc(vpc)
                .internetFacing(true)
                .securityGroup(securityGroup)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .dropInvalidHeaderFields(true)
                .build();
        accessLogs = accessLogBucket();
        loadBalancer.logAccessLogs(accessLogs, "alb");
        https = loadBalancer.addListener("Https", BaseApplicationListenerProps.builder()
                .port(HTTPS)
                .protocol(ApplicationProtocol.HTTPS)
                .certificates(List.of(ListenerCertificate.fromArn(certificateArn)))
                .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                .open(false)
                .defaultAction(ListenerAction.fixedResponse(404, FixedResponseOptions.builder()
                        .contentType("application/json")
                        .messageBody("{\"message\":\"Not Found\"}")
                        .build()))
                .build());
        loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
                .port(HTTP)
                .protocol(ApplicationProtocol.HTTP)
                .open(false)
                .defaultAction(ListenerAction.redirect(RedirectOptions.builder()
                        .protocol("HTTPS")
                        .port(String.valueOf(HTTPS))
                        .permanent(true)
                        .build()))
                .build());
    }

    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    public ApplicationListener https() {
        return https;
    }

    public SecurityGroup securityGroup() {
        return securityGroup;
    }

    public Bucket accessLogs() {
        return accessLogs;
    }

    private Bucket accessLogBucket() {
        return Bucket.Builder.create(this, "AccessLogs")
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(90)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }
}
