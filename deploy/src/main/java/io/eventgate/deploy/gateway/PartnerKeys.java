package io.eventgate.deploy.gateway;

import io.eventgate.deploy.secrets.GeneratedSecrets;
import io.eventgate.infra.apigateway.ApiFacts;
import io.eventgate.infra.apigateway.ApiKeyResource;
import io.eventgate.infra.apigateway.UsagePlanKeyResource;
import io.eventgate.infra.apigateway.UsagePlanResource;
import io.eventgate.infra.settings.PartnerSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.apigateway.ApiKey;
import software.amazon.awscdk.services.apigateway.Period;
import software.amazon.awscdk.services.apigateway.QuotaSettings;
import software.amazon.awscdk.services.apigateway.ThrottleSettings;
import software.amazon.awscdk.services.apigateway.UsagePlan;
import software.amazon.awscdk.services.apigateway.UsagePlanPerApiStage;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * Partners' API keys and the usage plans that admit them to the stage with a throttle and a quota. A key's value is
 * generated in Secrets Manager and reaches the template as a dynamic reference only.
 */
final class PartnerKeys extends Construct {

    private final Built built;
    private final Api api;
    private final Map<String, ApiKey> keys = new LinkedHashMap<>();
    private final Map<String, UsagePlan> plans = new LinkedHashMap<>();

    PartnerKeys(Construct scope, Built built, Api api) {
        super(scope, "PartnerKeys");
        this.built = built;
        this.api = api;
    }

    void add(ApiKeyResource resource) {
        ISecret value = GeneratedSecrets.generated(this, "api-key-" + resource.keyName(),
                "The value of API Gateway key " + resource.keyName() + " (x-api-key on the gateway route)");
        ApiKey key = ApiKey.Builder.create(this, Ids.of(resource.keyName()) + "ApiKey")
                .apiKeyName(resource.keyName())
                .description("eventgate partner key")
                .value(value.getSecretValue().unsafeUnwrap())
                .enabled(true)
                .build();
        keys.put(resource.keyName(), key);
        built.apiKeyValues.put(resource.keyName(), value);
        built.facts.put(ApiFacts.apiKeyId(resource.keyName()), key.getKeyId());
    }

    void add(UsagePlanResource resource) {
        PartnerSettings inbound = resource.partner();
        if (!resource.stage().equals(api.stageName())) {
            throw new IllegalStateException("usage plan " + inbound.usagePlanName() + " names stage "
                    + resource.stage() + ", which the API does not have");
        }
        UsagePlan plan = UsagePlan.Builder.create(this, Ids.of(inbound.usagePlanName()))
                .name(inbound.usagePlanName())
                .description("eventgate: a partner's throttle and quota")
                .throttle(ThrottleSettings.builder()
                        .rateLimit(inbound.rateLimit())
                        .burstLimit(inbound.burstLimit())
                        .build())
                .quota(QuotaSettings.builder()
                        .limit(inbound.quotaLimit())
                        .period(Period.valueOf(inbound.quotaPeriod()))
                        .build())
                .apiStages(List.of(UsagePlanPerApiStage.builder()
                        .api(api.restApi())
                        .stage(api.restApi().getDeploymentStage())
                        .build()))
                .build();
        plans.put(inbound.usagePlanName(), plan);
        built.facts.put(ApiFacts.usagePlanId(inbound.usagePlanName()), plan.getUsagePlanId());
    }

    void add(UsagePlanKeyResource resource) {
        Built.require(plans, resource.planName(), "usage plan")
                .addApiKey(Built.require(keys, resource.keyName(), "api key"));
    }
}
