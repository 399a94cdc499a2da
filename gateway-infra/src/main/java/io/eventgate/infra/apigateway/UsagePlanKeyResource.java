package io.eventgate.infra.apigateway;

import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.NamedResource;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;

/** Puts a partner's key into its usage plan, which is what admits the key to the stage. */
public final class UsagePlanKeyResource extends NamedResource {

    private final String planName;
    private final String keyName;
    private final ApiGatewayClient apiGateway;

    public UsagePlanKeyResource(String planName, String keyName, ApiGatewayClient apiGateway) {
        super("apigateway usage plan key", planName + " <- " + keyName);
        this.planName = planName;
        this.keyName = keyName;
        this.apiGateway = apiGateway;
    }

    public String planName() {
        return planName;
    }

    public String keyName() {
        return keyName;
    }

    @Override
    public Change plan(Facts facts) {
        Optional<String> planId = facts.find(ApiFacts.usagePlanId(planName));
        Optional<String> keyId = facts.find(ApiFacts.apiKeyId(keyName));
        if (planId.isPresent() && keyId.isPresent() && linked(planId.get(), keyId.get())) {
            return Change.none();
        }
        return Change.create(() -> apiGateway.createUsagePlanKey(b -> b
                .usagePlanId(facts.require(ApiFacts.usagePlanId(planName)))
                .keyId(facts.require(ApiFacts.apiKeyId(keyName)))
                .keyType("API_KEY")));
    }

    @Override
    public Change planDeletion(Facts facts) {
        Optional<String> planId = facts.find(ApiFacts.usagePlanId(planName));
        Optional<String> keyId = facts.find(ApiFacts.apiKeyId(keyName));
        if (planId.isEmpty() || keyId.isEmpty() || !linked(planId.get(), keyId.get())) {
            return Change.none();
        }
        return Change.delete(() -> apiGateway.deleteUsagePlanKey(b -> b.usagePlanId(planId.get())
                .keyId(keyId.get())));
    }

    private boolean linked(String planId, String keyId) {
        try {
            apiGateway.getUsagePlanKey(b -> b.usagePlanId(planId).keyId(keyId));
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
