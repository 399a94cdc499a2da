package io.eventgate.deploy.services;

import io.eventgate.deploy.alarms.AlarmSpec;
import io.eventgate.deploy.alarms.Alarms;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * Per service: server errors its tasks answered through the load balancer (for the carrier that means EventBridge
 * retries a shipment request), and tasks failing their readiness check.
 */
public final class ServiceAlarms extends Construct {

    /** Three minutes in a row: a task starting or being replaced in a deployment does not page anyone. */
    static final AlarmSpec UNHEALTHY = new AlarmSpec("Maximum", 60,
            ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 3, 3);

    public ServiceAlarms(Construct scope, String id, ITopic topic, String name, SpringBootService service) {
        super(scope, id);
        Alarms alarms = new Alarms(this, topic);
        var metrics = service.targetGroup().getMetrics();
        alarms.add(name + "-target-5xx", name + " answered requests through the load balancer with 5xx",
                metrics.httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT), AlarmSpec.anyInFiveMinutes());
        alarms.add(name + "-unhealthy-tasks", name + " has tasks failing their readiness check",
                metrics.unhealthyHostCount(), UNHEALTHY);
    }
}
