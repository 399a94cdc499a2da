package io.eventgate.deploy.gateway;

import io.eventgate.deploy.alarms.AlarmSpec;
import io.eventgate.deploy.alarms.Alarms;
import io.eventgate.infra.settings.InfraSettings;
import java.util.Map;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * Alarms that page before an event is lost: anything in a DLQ, a partner delivery that failed or went to its DLQ, an
 * event EventBridge could not even put in a DLQ, and the gateway stage's server errors and client-error spikes.
 */
final class GatewayAlarms extends Construct {

    /** More than this many 4xx answers in five minutes is a spike: a partner misconfigured, or someone probing. */
    static final double CLIENT_ERROR_SPIKE = 100;

    GatewayAlarms(Construct scope, InfraSettings settings, Parts parts, ITopic topic) {
        super(scope, "Alarms");
        Alarms alarms = new Alarms(this, topic);
        var orders = settings.orders();
        var outbound = settings.carrier().outbound();
        String bus = settings.bus().name();

        for (String dlq : new String[] {orders.inboxDlq(), outbound.deliveryDlq()}) {
            alarms.add(dlq + "-messages", "Messages in " + dlq + ": events that could not be delivered or applied."
                            + " Find the cause, then gateway-infra redrive --dlq " + dlq,
                    parts.get(parts.queues(), dlq).metricApproximateNumberOfMessagesVisible(),
                    AlarmSpec.aboveZeroInAMinute());
        }

        Map<String, String> deliveryRule = Map.of("EventBusName", bus, "RuleName", outbound.rule());
        alarms.add(outbound.rule() + "-failed-invocations", "Calls to the carrier's API destination failed for good",
                Alarms.metric("AWS/Events", "FailedInvocations", deliveryRule), AlarmSpec.anyInFiveMinutes());
        alarms.add(outbound.rule() + "-sent-to-dlq",
                "Shipment requests given up on and sent to " + outbound.deliveryDlq(),
                Alarms.metric("AWS/Events", "InvocationsSentToDlq", deliveryRule), AlarmSpec.anyInFiveMinutes());
        for (String rule : new String[] {outbound.rule(), orders.rule()}) {
            alarms.add(rule + "-dlq-failed", "Events of " + rule + " that could not even be put in their DLQ: lost",
                    Alarms.metric("AWS/Events", "InvocationsFailedToBeSentToDlq",
                            Map.of("EventBusName", bus, "RuleName", rule)),
                    AlarmSpec.anyInFiveMinutes());
        }

        Map<String, String> stage = Map.of("ApiName", settings.gateway().apiName(),
                "Stage", settings.gateway().stage());
        alarms.add("gateway-5xx", "The gateway answered partners with server errors (the bus refused or failed)",
                Alarms.metric("AWS/ApiGateway", "5XXError", stage), AlarmSpec.anyInFiveMinutes());
        alarms.add("gateway-4xx-spike", "More than " + (int) CLIENT_ERROR_SPIKE + " client errors in five minutes",
                Alarms.metric("AWS/ApiGateway", "4XXError", stage),
                new AlarmSpec("Sum", 300, ComparisonOperator.GREATER_THAN_THRESHOLD, CLIENT_ERROR_SPIKE, 1, 1));
    }
}
