package io.eventgate.deploy.services;

import io.eventgate.deploy.gateway.ServiceBinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ecs.FargatePlatformVersion;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.ecs.LoadBalancerTargetOptions;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.PropagatedTagSource;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One Spring Boot service on Fargate behind the public load balancer: its task (image, size, settings, secrets, logs,
 * liveness check), the service (rolling deployments with a circuit breaker that rolls back, private subnets), the
 * target group (readiness check, deregistration delay matched to the graceful shutdown), and CPU autoscaling.
 */
public final class SpringBootService extends Construct {

    /** Where the actuator's probe groups answer. */
    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";

    /**
     * @param name     the service's name (ECS service, container, log stream prefix)
     * @param routes   the listener conditions that send requests to this service
     * @param priority the listener rule's priority
     */
    public record Props(String name, int port, ServiceSize size, Shutdown shutdown, ContainerImage image,
                        ServiceBinding binding, ICluster cluster, ApplicationListener listener,
                        List<ListenerCondition> routes, int priority) {
    }

    private final FargateTaskDefinition task;
    private final FargateService service;
    private final ApplicationTargetGroup targetGroup;
    private final ScalableTaskCount scaling;

    public SpringBootService(Construct scope, String id, Props props) {
        super(scope, id);
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        task = FargateTaskDefinition.Builder.create(this, "Task")
                .family("eventgate-" + props.name())
                .cpu(props.size().cpu())
                .memoryLimitMiB(props.size().memoryMiB())
                .runtimePlatform(RuntimePlatform.builder()
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .cpuArchitecture(CpuArchitecture.X86_64)
                        .build())
                .build();
        Map<String, Secret> secrets = new LinkedHashMap<>();
        props.binding().secrets().forEach((variable, secret) ->
                secrets.put(variable, Secret.fromSecretsManager(secret)));
        Map<String, String> environment = new LinkedHashMap<>(props.binding().environment());
        environment.put("SERVER_PORT", String.valueOf(props.port()));
        environment.put("SERVER_SHUTDOWN", "graceful");
        environment.put("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE", props.shutdown().springPhaseSetting());
        ContainerDefinition container = task.addContainer("App", ContainerDefinitionOptions.builder()
                .containerName(props.name())
                .image(props.image())
                .essential(true)
                .portMappings(List.of(PortMapping.builder().containerPort(props.port()).build()))
                .environment(environment)
                .secrets(secrets)
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix(props.name())
                        .build()))
                // Liveness here (restart a wedged JVM); readiness is the load balancer's check (stop routing to it).
                .healthCheck(HealthCheck.builder()
                        .command(List.of("CMD-SHELL", "curl -fsS http://localhost:" + props.port() + LIVENESS
                                + " || exit 1"))
                        .interval(Duration.seconds(15))
                        .timeout(Duration.seconds(5))
                        .retries(3)
                        .startPeriod(Duration.seconds(90))
                        .build())
                .stopTimeout(props.shutdown().stopTimeout())
                .build());
        service = FargateService.Builder.create(this, "Service")
                .serviceName(props.name())
                .cluster(props.cluster())
                .taskDefinition(task)
                .desiredCount(props.size().minTasks())
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                // Spring Boot needs a while on half a vCPU; the load balancer's failures count only after this.
                .healthCheckGracePeriod(Duration.seconds(120))
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .assignPublicIp(false)
                .platformVersion(FargatePlatformVersion.LATEST)
                .enableExecuteCommand(false)
                .propagateTags(PropagatedTagSource.SERVICE)
                .build();
        targetGroup = props.listener().addTargets(props.name(), AddApplicationTargetsProps.builder()
                .port(props.port())
                .protocol(ApplicationProtocol.HTTP)
                .targets(List.of(service.loadBalancerTarget(LoadBalancerTargetOptions.builder()
                        .containerName(container.getContainerName())
                        .containerPort(props.port())
                        .build())))
                .healthCheck(software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck.builder()
                        .path(READINESS)
                        .healthyHttpCodes("200")
                        .interval(Duration.seconds(15))
                        .timeout(Duration.seconds(5))
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(3)
                        .build())
                .deregistrationDelay(props.shutdown().deregistrationDelay())
                .conditions(props.routes())
                .priority(props.priority())
                .build());
        scaling = service.autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(props.size().minTasks())
                .maxCapacity(props.size().maxTasks())
                .build());
        scaling.scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
                .targetUtilizationPercent(props.size().cpuTarget())
                .scaleInCooldown(Duration.minutes(2))
                .scaleOutCooldown(Duration.minutes(1))
                .build());
    }

    public FargateTaskDefinition task() {
        return task;
    }

    /** The role the application's AWS SDK calls are made with. */
    public IRole taskRole() {
        return task.getTaskRole();
    }

    public FargateService service() {
        return service;
    }

    public ApplicationTargetGroup targetGroup() {
        return targetGroup;
    }

    public ScalableTaskCount scaling() {
        return scaling;
    }
}
