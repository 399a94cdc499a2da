package io.eventgate.deploy.gateway;

import io.eventgate.infra.iam.RoleResource;
import io.eventgate.infra.topology.ProvidedRole;
import io.eventgate.deploy.topology.Sentinels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.CfnRole;
import software.constructs.Construct;

/**
 * The service roles gateway-infra describes (API Gateway calling PutEvents, EventBridge calling the API destination),
 * with its trust and permission documents verbatim — hence the L1 role.
 */
final class Roles extends Construct {

    private static final String POLICY_NAME = "eventgate";

    private final Built built;
    private final Map<String, CfnRole> roles = new LinkedHashMap<>();

    Roles(Construct scope, Built built) {
        super(scope, "Roles");
        this.built = built;
    }

    void add(RoleResource resource) {
        CfnRole role = CfnRole.Builder.create(this, Ids.of(resource.name()))
                .roleName(resource.name())
                .description("eventgate service role")
                .assumeRolePolicyDocument(Json.tree(resource.trustPolicy()))
                .policies(List.of(CfnRole.PolicyProperty.builder()
                        .policyName(POLICY_NAME)
                        .policyDocument(Json.tree(resource.permissions(built.facts)))
                        .build()))
                .build();
        roles.put(resource.name(), role);
        built.facts.put(RoleResource.arnFact(resource.name()), role.getAttrArn());
    }

    /** A role referred to by ARN: the one built here when the ARN names it, else the given ARN. */
    void add(ProvidedRole resource) {
        String arn = roles.entrySet().stream()
                .filter(role -> resource.roleArn().endsWith(":role/" + role.getKey()))
                .map(role -> role.getValue().getAttrArn())
                .findFirst()
                .orElseGet(() -> Sentinels.resolve(resource.roleArn()));
        built.facts.put(resource.factKey(), arn);
    }
}
