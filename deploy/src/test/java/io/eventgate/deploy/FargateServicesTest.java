package io.eventgate.deploy;

import io.eventgate.deploy.services.Shutdown;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Both services on Fargate: size, images, probes, graceful shutdown, safe deployments, autoscaling. */
class FargateServicesTest {

    private static final TemplateState SERVICES = Synthesized.APP.servicesResolved;
    private static final Map<String, Integer> PORTS = Map.of("orders-service", 8080, "carrier-service", 8081);

    @Test
    void eachServiceRunsItsEcrImageOnHalfAVcpuWithOneGibibyte() {
        for (String service : PORTS.keySet()) {
            JsonNode task = task(service);
            String prefix = service.startsWith("orders") ? "Orders" : "Carrier";
            assertThat(task.get("Cpu").asString()).isEqualTo("512");
            assertThat(task.get("Memory").asString()).isEqualTo("1024");
            assertThat(task.get("RequiresCompatibilities").toString()).isEqualTo("[\"FARGATE\"]");
            assertThat(container(task).get("Image").asString()).isEqualTo("000000000000.dkr.ecr.eu-central-1."
                    + "amazonaws.com/«param:" + prefix + "ImageRepository»:«param:" + prefix + "ImageTag»");
        }
    }

    @Test
    void livenessRestartsATaskAndReadinessDecidesWhetherItGetsTraffic() {
        for (var service : PORTS.entrySet()) {
            JsonNode container = container(task(service.getKey()));
            assertThat(container.at("/HealthCheck/Command").toString()).isEqualTo("[\"CMD-SHELL\",\"curl -fsS"
                    + " http://localhost:" + service.getValue() + "/actuator/health/liveness || exit 1\"]");
            JsonNode group = targetGroup(service.getValue());
            assertThat(group.get("HealthCheckPath").asString()).isEqualTo("/actuator/health/readiness");
            assertThat(group.at("/Matcher/HttpCode").asString()).isEqualTo("200");
        }
    }

    @Test
    void aStoppingTaskDrainsFirstThenShutsSpringDownWithinTheStopTimeout() {
        Shutdown shutdown = Shutdown.DEFAULT;
        for (var service : PORTS.entrySet()) {
            JsonNode container = container(task(service.getKey()));
            assertThat(attribute(targetGroup(service.getValue()), "deregistration_delay.timeout_seconds"))
                    .isEqualTo("30");
            assertThat(SecretsTest.environment(container)).containsEntry("SERVER_SHUTDOWN", "graceful")
                    .containsEntry("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE", "20s");
            assertThat(container.get("StopTimeout").asInt()).isEqualTo(45)
                    .isGreaterThan(shutdown.springPhase().toSeconds().intValue());
        }
    }

    @Test
    void bothServicesRunOnFargateWithTheCircuitBreakerRollingBack() {
        var template = Synthesized.APP.services.template();

        template.resourceCountIs("AWS::ECS::Service", 2);
        template.allResourcesProperties("AWS::ECS::Service", Match.objectLike(Map.of("LaunchType", "FARGATE",
                "DeploymentConfiguration", Match.objectLike(Map.of(
                        "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true),
                        "MinimumHealthyPercent", 100)))));
    }

    @Test
    void deploymentsRollBackByThemselvesAndNeverGoBelowTheRunningCount() {
        assertThat(SERVICES.all("AWS::ECS::Service").values()).hasSize(2).allSatisfy(service -> {
            assertThat(service.at("/DeploymentConfiguration/DeploymentCircuitBreaker").toString())
                    .isEqualTo("{\"Enable\":true,\"Rollback\":true}");
            assertThat(service.at("/DeploymentConfiguration/MinimumHealthyPercent").asInt()).isEqualTo(100);
            assertThat(service.get("DesiredCount").asInt()).isEqualTo(2);
            assertThat(service.at("/NetworkConfiguration/AwsvpcConfiguration/AssignPublicIp").asString())
                    .isEqualTo("DISABLED");
            assertThat(service.get("LaunchType").asString()).isEqualTo("FARGATE");
        });
    }

    @Test
    void ordersScalesOnCpuAndOnTheInboxBacklogAndTheCarrierOnCpu() {
        assertThat(SERVICES.all("AWS::ApplicationAutoScaling::ScalableTarget").values()).hasSize(2)
                .allSatisfy(target -> {
                    assertThat(target.get("MinCapacity").asInt()).isEqualTo(2);
                    assertThat(target.get("MaxCapacity").asInt()).isEqualTo(6);
                });
        List<String> policies = SERVICES.all("AWS::ApplicationAutoScaling::ScalingPolicy").values().stream()
                .map(p -> p.get("PolicyName").asString().replaceAll("Policy[0-9A-F]{8}$", "Policy")
                        .replaceAll("[0-9A-F]{8}$", "") + " " + p.get("PolicyType").asString())
                .toList();
        assertThat(policies).containsExactlyInAnyOrder(
                "EventgateServicesCarrierFargateServiceTaskCountTargetCpu TargetTrackingScaling",
                "EventgateServicesOrdersFargateServiceTaskCountTargetCpu TargetTrackingScaling",
                "EventgateServicesOrdersFargateServiceTaskCountTargetInboxBacklogLowerPolicy StepScaling",
                "EventgateServicesOrdersFargateServiceTaskCountTargetInboxBacklogUpperPolicy StepScaling");
        assertThat(SERVICES.all("AWS::ApplicationAutoScaling::ScalingPolicy").values())
                .filteredOn(p -> p.get("PolicyType").asString().equals("TargetTrackingScaling"))
                .allSatisfy(p -> assertThat(p.at("/TargetTrackingScalingPolicyConfiguration/TargetValue").asInt())
                        .isEqualTo(60));
        assertThat(SERVICES.all("AWS::CloudWatch::Alarm").values())
                .filteredOn(alarm -> !alarm.has("AlarmName"))
                .hasSize(2)
                .allSatisfy(alarm -> {
                    assertThat(alarm.get("MetricName").asString()).isEqualTo("ApproximateNumberOfMessagesVisible");
                    assertThat(alarm.at("/Dimensions/0/Value").asString()).isEqualTo("orders-inbox");
                });
    }

    @Test
    void logsAreKeptForAMonthAndTheGatewaysAccessLogForAYear() {
        assertThat(SERVICES.all("AWS::Logs::LogGroup").values()).hasSize(3)
                .allSatisfy(group -> assertThat(group.get("RetentionInDays").asInt()).isEqualTo(30));
        assertThat(Synthesized.APP.gatewayResolved.all("AWS::Logs::LogGroup").values()).singleElement()
                .satisfies(group -> assertThat(group.get("RetentionInDays").asInt()).isEqualTo(365));
        assertThat(Synthesized.APP.gatewayResolved.all("AWS::ApiGateway::Stage").values()).singleElement()
                .satisfies(stage -> {
                    assertThat(stage.at("/AccessLogSetting/DestinationArn").asString()).startsWith("«getatt:");
                    assertThat(stage.at("/AccessLogSetting/Format").asString()).contains("$context.requestId",
                            "$context.identity.apiKeyId", "$context.status");
                    assertThat(stage.at("/MethodSettings/0/DataTraceEnabled").asBoolean()).isFalse();
                    assertThat(stage.at("/MethodSettings/0/LoggingLevel").asString()).isEqualTo("ERROR");
                });
    }

    private static JsonNode task(String service) {
        return SERVICES.all("AWS::ECS::TaskDefinition").values().stream()
                .filter(task -> container(task).get("Name").asString().equals(service))
                .findFirst().orElseThrow();
    }

    private static JsonNode container(JsonNode task) {
        return task.get("ContainerDefinitions").get(0);
    }

    private static JsonNode targetGroup(int port) {
        return SERVICES.all("AWS::ElasticLoadBalancingV2::TargetGroup").values().stream()
                .filter(group -> group.get("Port").asInt() == port)
                .findFirst().orElseThrow();
    }

    private static String attribute(JsonNode group, String key) {
        return StreamSupport.stream(group.get("TargetGroupAttributes").spliterator(), false)
                .filter(a -> a.get("Key").asString().equals(key))
                .map(a -> a.get("Value").asString()).findFirst().orElseThrow();
    }
}
