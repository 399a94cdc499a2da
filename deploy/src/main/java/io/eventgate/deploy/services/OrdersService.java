package io.eventgate.deploy.services;

import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.AdjustmentType;
import software.amazon.awscdk.services.applicationautoscaling.BasicStepScalingPolicyProps;
import software.amazon.awscdk.services.applicationautoscaling.ScalingInterval;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * orders-service: reads and writes its table, follows its stream, publishes {@code OrderCreated} to the bus, consumes
 * {@code orders-inbox} — and nothing else. Scales on CPU and on the inbox's backlog.
 */
public final class OrdersService extends Construct {

    /**
     * What orders-service calls on its table: {@code GetItem} (orders, idempotency claims, inbox marks, outbox
     * records), {@code PutItem} (inside {@code TransactWriteItems}), {@code UpdateItem} (outbox state),
     * {@code DescribeTable} (the change feed finds the table's stream); {@code Query} on its two indexes only (orders
     * by status, pending outbox records).
     */
    public static final TablePermissions TABLE = new TablePermissions(
            List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DescribeTable"),
            List.of("dynamodb:Query"));

    /**
     * What the change feed of the live updates calls on the table's stream: list its shards, and read each of them
     * (every instance reads every shard).
     */
    public static final List<String> STREAM_ACTIONS = List.of("dynamodb:DescribeStream", "dynamodb:GetShardIterator",
            "dynamodb:GetRecords");

    /**
     * What Spring Cloud AWS's listener calls: {@code GetQueueUrl} at start, then receive and delete; change-visibility
     * for its visibility handling. It reads no queue attributes unless configured to (the default asks none).
     */
    public static final List<String> INBOX_ACTIONS = List.of("sqs:ReceiveMessage", "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl");

    private final SpringBootService service;

    public OrdersService(Construct scope, String id, SpringBootService.Props props, IEventBus bus, IQueue inbox) {
        super(scope, id);
        service = new SpringBootService(this, "Fargate", props);
        TABLE.grant(service.taskRole(), props.binding().table(), props.binding().indexNames());
        service.taskRole().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("FollowTheTableStream")
                .actions(STREAM_ACTIONS)
                .resources(List.of(Objects.requireNonNull(props.binding().table().getTableStreamArn(),
                        "the orders table needs its stream (topology.yaml: streamViewType) for the live updates")))
                .build());
        service.taskRole().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("PublishToTheBus")
                .actions(List.of("events:PutEvents"))
                .resources(List.of(bus.getEventBusArn()))
                .build());
        service.taskRole().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("ConsumeTheInbox")
                .actions(INBOX_ACTIONS)
                .resources(List.of(inbox.getQueueArn()))
                .build());
        // Carrier events waiting are work CPU does not show while the tasks are blocked on DynamoDB.
        service.scaling().scaleOnMetric("InboxBacklog", BasicStepScalingPolicyProps.builder()
                .metric(inbox.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .statistic("Maximum")
                        .period(Duration.minutes(1))
                        .build()))
                .scalingSteps(List.of(
                        ScalingInterval.builder().upper(10).change(-1).build(),
                        ScalingInterval.builder().lower(100).change(1).build(),
                        ScalingInterval.builder().lower(1000).change(3).build()))
                .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                .cooldown(Duration.minutes(2))
                .build());
    }

    public SpringBootService fargate() {
        return service;
    }
}
