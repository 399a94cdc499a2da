package io.eventgate.deploy;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The alarms that page before data is lost, each with its metric and threshold, all to the alarm topic. */
class AlarmsTest {

    @Test
    void gatewayAlarmsWatchTheDlqsTheCarrierDeliveryAndTheStage() {
        assertThat(alarms(Synthesized.APP.gatewayResolved)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "eventgate-orders-inbox-dlq-messages",
                "AWS/SQS ApproximateNumberOfMessagesVisible {QueueName=orders-inbox-dlq} Maximum/60s > 0 (1 of 1)",
                "eventgate-carrier-delivery-dlq-messages",
                "AWS/SQS ApproximateNumberOfMessagesVisible {QueueName=carrier-delivery-dlq} Maximum/60s > 0 (1 of 1)",
                "eventgate-order-created-to-carrier-failed-invocations", "AWS/Events FailedInvocations"
                        + " {EventBusName=eventgate, RuleName=order-created-to-carrier} Sum/300s > 0 (1 of 1)",
                "eventgate-order-created-to-carrier-sent-to-dlq", "AWS/Events InvocationsSentToDlq"
                        + " {EventBusName=eventgate, RuleName=order-created-to-carrier} Sum/300s > 0 (1 of 1)",
                "eventgate-order-created-to-carrier-dlq-failed", "AWS/Events InvocationsFailedToBeSentToDlq"
                        + " {EventBusName=eventgate, RuleName=order-created-to-carrier} Sum/300s > 0 (1 of 1)",
                "eventgate-carrier-events-to-orders-dlq-failed", "AWS/Events InvocationsFailedToBeSentToDlq"
                        + " {EventBusName=eventgate, RuleName=carrier-events-to-orders} Sum/300s > 0 (1 of 1)",
                "eventgate-gateway-5xx", "AWS/ApiGateway 5XXError {ApiName=eventgate, Stage=prod} Sum/300s > 0 (1 of 1)",
                "eventgate-gateway-4xx-spike",
                "AWS/ApiGateway 4XXError {ApiName=eventgate, Stage=prod} Sum/300s > 100 (1 of 1)"));
    }

    @Test
    void serviceAlarmsWatchTargetServerErrorsAndUnhealthyTasks() {
        String dimensions = "{LoadBalancer=(the load balancer), TargetGroup=";
        assertThat(alarms(Synthesized.APP.servicesResolved)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "eventgate-carrier-service-target-5xx", "AWS/ApplicationELB HTTPCode_Target_5XX_Count " + dimensions
                        + "«getatt:EndpointLoadBalancerHttpscarrierserviceGroup77DC7B5B.TargetGroupFullName»}"
                        + " Sum/300s > 0 (1 of 1)",
                "eventgate-carrier-service-unhealthy-tasks", "AWS/ApplicationELB UnHealthyHostCount " + dimensions
                        + "«getatt:EndpointLoadBalancerHttpscarrierserviceGroup77DC7B5B.TargetGroupFullName»}"
                        + " Maximum/60s >= 1 (3 of 3)",
                "eventgate-orders-service-target-5xx", "AWS/ApplicationELB HTTPCode_Target_5XX_Count " + dimensions
                        + "«getatt:EndpointLoadBalancerHttpsordersserviceGroupC1B26C27.TargetGroupFullName»}"
                        + " Sum/300s > 0 (1 of 1)",
                "eventgate-orders-service-unhealthy-tasks", "AWS/ApplicationELB UnHealthyHostCount " + dimensions
                        + "«getatt:EndpointLoadBalancerHttpsordersserviceGroupC1B26C27.TargetGroupFullName»}"
                        + " Maximum/60s >= 1 (3 of 3)"));
    }

    @Test
    void everyAlarmNotifiesTheTopicWhenItFiresAndWhenItRecoversAndIgnoresMissingData() {
        for (TemplateState stack : new TemplateState[] {Synthesized.APP.gatewayResolved,
                Synthesized.APP.servicesResolved}) {
            assertThat(stack.all("AWS::CloudWatch::Alarm").values())
                    .filteredOn(alarm -> alarm.path("AlarmName").asString().startsWith("eventgate-"))
                    .allSatisfy(alarm -> {
                        assertThat(alarm.get("AlarmActions").toString()).isEqualTo("[\"«topic:eventgate alarms»\"]");
                        assertThat(alarm.get("OKActions").toString()).isEqualTo("[\"«topic:eventgate alarms»\"]");
                        assertThat(alarm.get("TreatMissingData").asString()).isEqualTo("notBreaching");
                    });
        }
    }

    @Test
    void theTopicMailsTheGivenAddress() {
        assertThat(Synthesized.APP.gatewayResolved.all("AWS::SNS::Subscription").values()).singleElement()
                .satisfies(subscription -> {
                    assertThat(subscription.get("Protocol").asString()).isEqualTo("email");
                    assertThat(subscription.get("Endpoint").asString()).isEqualTo("«param:AlarmEmail»");
                });
    }

    private static Map<String, String> alarms(TemplateState stack) {
        Map<String, String> alarms = new TreeMap<>();
        stack.all("AWS::CloudWatch::Alarm").values().stream()
                .filter(alarm -> alarm.path("AlarmName").asString().startsWith("eventgate-"))
                .forEach(alarm -> {
                    Map<String, String> dimensions = new TreeMap<>();
                    alarm.path("Dimensions").forEach(d -> dimensions.put(d.get("Name").asString(),
                            d.get("Name").asString().equals("LoadBalancer")
                                    && d.get("Value").asString().contains("«listener:443»")
                                    ? "(the load balancer)" : d.get("Value").asString()));
                    alarms.put(alarm.get("AlarmName").asString(), alarm.get("Namespace").asString() + " "
                            + alarm.get("MetricName").asString() + " " + dimensions + " "
                            + alarm.get("Statistic").asString() + "/" + alarm.get("Period").asInt() + "s "
                            + operator(alarm.get("ComparisonOperator").asString()) + " "
                            + number(alarm.get("Threshold")) + " (" + alarm.get("DatapointsToAlarm").asInt() + " of "
                            + alarm.get("EvaluationPeriods").asInt() + ")");
                });
        return alarms;
    }

    private static String operator(String comparison) {
        return switch (comparison) {
            case "GreaterThanThreshold" -> ">";
            case "GreaterThanOrEqualToThreshold" -> ">=";
            default -> comparison;
        };
    }

    private static String number(JsonNode threshold) {
        double value = threshold.asDouble();
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    static long count(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).count();
    }
}
