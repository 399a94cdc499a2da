package io.eventgate.deploy.services;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcLookupOptions;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The VPC: a new one over two availability zones (public subnets for the load balancer and the one NAT gateway,
 * private subnets for the tasks, rejected traffic logged), or an existing one found by id at synthesis.
 */
public final class Network extends Construct {

    private final IVpc vpc;

    /**
     * @param existingVpcId an existing VPC (needs the stack's account and region, and AWS credentials at synthesis
     *                      for the lookup); it must have public subnets and private subnets with egress
     */
    public Network(Construct scope, String id, Optional<String> existingVpcId) {
        super(scope, id);
        vpc = existingVpcId
                .map(vpcId -> Vpc.fromLookup(this, "Vpc", VpcLookupOptions.builder().vpcId(vpcId).build()))
                .orElseGet(this::newVpc);
    }

    public IVpc vpc() {
        return vpc;
    }

    private IVpc newVpc() {
        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        return Vpc.Builder.create(this, "Vpc")
                .maxAzs(2)
                // One NAT gateway for both zones: half the cost, at the price of egress depending on one zone.
                .natGateways(1)
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).cidrMask(24)
                                .build(),
                        SubnetConfiguration.builder().name("tasks").subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                                .cidrMask(22).build()))
                .flowLogs(Map.of("Rejected", FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                        .trafficType(FlowLogTrafficType.REJECT)
                        .build()))
                .build();
    }
}
