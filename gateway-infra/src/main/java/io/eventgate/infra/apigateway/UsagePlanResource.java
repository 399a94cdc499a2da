package io.eventgate.infra.apigateway;

import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.NamedResource;
import io.eventgate.infra.settings.PartnerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;

/**
 * A partner's usage plan: throttle and quota per key, attached to the API's stage (a key only works through a plan
 * attached to the stage it calls).
 */
public final class UsagePlanResource extends NamedResource {

    private final PartnerSettings partner;
    private final String stage;
    private final ApiGatewayClient apiGateway;

    public UsagePlanResource(PartnerSettings partner, String stage, ApiGatewayClient apiGateway) {
        super("apigateway usage plan", partner.usagePlanName());
        this.partner = partner;
        this.stage = stage;
        this.apiGateway = apiGateway;
    }

    /** The partner whose plan it is: its name, throttle and quota. */
    public PartnerSettings partner() {
        return partner;
    }

    /** The stage the plan admits keys to. */
    public String stage() {
        return stage;
    }

    @Override
    public Change plan(Facts facts) {
        String apiId = facts.require(ApiFacts.REST_API_ID);
        facts.require(ApiFacts.stage(stage));
        Optional<UsagePlan> live = find();
        if (live.isEmpty()) {
            return Change.create(() -> facts.put(ApiFacts.usagePlanId(partner.usagePlanName()), apiGateway
                    .createUsagePlan(b -> b.name(partner.usagePlanName())
                            .description("eventgate: throttle and quota of partner " + partner.name())
                            .throttle(t -> t.rateLimit(partner.rateLimit()).burstLimit(partner.burstLimit()))
                            .quota(q -> q.limit(partner.quotaLimit()).period(partner.quotaPeriod()))
                            .apiStages(s -> s.apiId(apiId).stage(stage)))
                    .id()));
        }
        UsagePlan current = live.get();
        facts.put(ApiFacts.usagePlanId(partner.usagePlanName()), current.id());
        List<String> details = new ArrayList<>();
        List<PatchOperation> patches = new ArrayList<>();
        Double rate = current.throttle() == null ? null : current.throttle().rateLimit();
        Integer burst = current.throttle() == null ? null : current.throttle().burstLimit();
        if (rate == null || Double.compare(rate, partner.rateLimit()) != 0) {
            details.add("throttle rate " + rate + " -> " + partner.rateLimit());
            patches.add(replace("/throttle/rateLimit", String.valueOf(partner.rateLimit())));
        }
        if (!Objects.equals(burst, partner.burstLimit())) {
            details.add("throttle burst " + burst + " -> " + partner.burstLimit());
            patches.add(replace("/throttle/burstLimit", String.valueOf(partner.burstLimit())));
        }
        Integer limit = current.quota() == null ? null : current.quota().limit();
        QuotaPeriodType period = current.quota() == null ? null : current.quota().period();
        if (!Objects.equals(limit, partner.quotaLimit())) {
            details.add("quota " + limit + " -> " + partner.quotaLimit());
            patches.add(replace("/quota/limit", String.valueOf(partner.quotaLimit())));
        }
        if (period == null || !period.toString().equals(partner.quotaPeriod())) {
            details.add("quota period " + period + " -> " + partner.quotaPeriod());
            patches.add(replace("/quota/period", partner.quotaPeriod()));
        }
        boolean attached = current.hasApiStages() && current.apiStages().stream()
                .anyMatch(s -> apiId.equals(s.apiId()) && stage.equals(s.stage()));
        if (!attached) {
            details.add("attach stage " + apiId + ":" + stage);
            patches.add(PatchOperation.builder().op("add").path("/apiStages").value(apiId + ":" + stage).build());
        }
        if (details.isEmpty()) {
            return Change.none();
        }
        return Change.update(details, () -> apiGateway.updateUsagePlan(b -> b.usagePlanId(current.id())
                .patchOperations(patches)));
    }

    @Override
    public Change planDeletion(Facts facts) {
        Optional<UsagePlan> live = find();
        if (live.isEmpty()) {
            return Change.none();
        }
        return Change.delete(() -> {
            try {
                apiGateway.deleteUsagePlan(b -> b.usagePlanId(live.get().id()));
            } catch (BadRequestException stillAttached) {
                // AWS refuses to delete a plan that is attached to API stages: detach them, then delete.
                List<ApiStage> stages = live.get().hasApiStages() ? live.get().apiStages() : List.of();
                apiGateway.updateUsagePlan(b -> b.usagePlanId(live.get().id()).patchOperations(stages.stream()
                        .map(s -> PatchOperation.builder().op("remove").path("/apiStages")
                                .value(s.apiId() + ":" + s.stage()).build())
                        .toList()));
                apiGateway.deleteUsagePlan(b -> b.usagePlanId(live.get().id()));
            }
        });
    }

    private Optional<UsagePlan> find() {
        return apiGateway.getUsagePlansPaginator(b -> b.limit(500)).items().stream()
                .filter(p -> partner.usagePlanName().equals(p.name()))
                .findFirst();
    }

    private static PatchOperation replace(String path, String value) {
        return PatchOperation.builder().op("replace").path(path).value(value).build();
    }
}
