package io.eventgate.deploy.services;

import java.util.List;
import software.constructs.Construct;

/**
 * carrier-service, the HTTP-only partner: its own table and nothing else — no EventBridge, SQS or API Gateway
 * permission; it reaches the gateway over HTTPS with its key, which arrives as an ECS secret like its inbound key.
 */
public final class CarrierService extends Construct {

    /**
     * What carrier-service calls on its table: {@code DescribeTable} (readiness), {@code GetItem}, {@code PutItem}
     * (inside {@code TransactWriteItems}), {@code UpdateItem}, {@code Query} (a shipment with its reports);
     * {@code Query} on its two indexes (by status, pending reports).
     */
    public static final TablePermissions TABLE = new TablePermissions(List.of("dynamodb:DescribeTable",
            "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"),
            List.of("dynamodb:Query"));

    private final SpringBootService service;

    public CarrierService(Construct scope, String id, SpringBootService.Props props) {
        super(scope, id);
        service = new SpringBootService(this, "Fargate", props);
        TABLE.grant(service.taskRole(), props.binding().table(), props.binding().indexNames());
    }

    public SpringBootService fargate() {
        return service;
    }
}
