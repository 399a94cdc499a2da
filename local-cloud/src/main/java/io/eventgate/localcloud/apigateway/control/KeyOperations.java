package io.eventgate.localcloud.apigateway.control;

import static io.eventgate.localcloud.apigateway.control.ControlRoutes.accepted;
import static io.eventgate.localcloud.apigateway.control.ControlRoutes.created;
import static io.eventgate.localcloud.apigateway.control.ControlRoutes.ok;

import io.eventgate.localcloud.apigateway.model.ApiKey;
import io.eventgate.localcloud.apigateway.model.UsagePlan;
import io.eventgate.localcloud.edge.EdgeResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** API keys, usage plans and usage plan keys. Key values leave only as AWS lets them: on create or when asked. */
final class KeyOperations {

    private static final Set<String> PERIODS = Set.of("DAY", "WEEK", "MONTH");

    private final KeyStore keys;
    private final RestApiStore apis;

    KeyOperations(KeyStore keys, RestApiStore apis) {
        this.keys = keys;
        this.apis = apis;
    }

    void register(ControlRoutes routes) {
        routes.add("POST", "/apikeys", "CreateApiKey", this::createKey)
                .add("GET", "/apikeys", "GetApiKeys", this::getKeys)
                .add("GET", "/apikeys/{key}", "GetApiKey",
                        c -> ok(Views.apiKey(keys.key(c.param("key")), c.queryFlag("includeValue"))))
                .add("PATCH", "/apikeys/{key}", "UpdateApiKey", this::updateKey)
                .add("DELETE", "/apikeys/{key}", "DeleteApiKey", c -> {
                    keys.deleteKey(c.param("key"));
                    return accepted();
                })
                .add("POST", "/usageplans", "CreateUsagePlan", this::createPlan)
                .add("GET", "/usageplans", "GetUsagePlans", c -> ok(Views.page(keys.plans().stream()
                        .filter(p -> c.query("keyId").map(p.keyIds()::contains).orElse(true)).toList(),
                        Views::usagePlan)))
                .add("GET", "/usageplans/{plan}", "GetUsagePlan", c -> ok(Views.usagePlan(keys.plan(c.param("plan")))))
                .add("DELETE", "/usageplans/{plan}", "DeleteUsagePlan", c -> {
                    keys.deletePlan(c.param("plan"));
                    return accepted();
                })
                .add("POST", "/usageplans/{plan}/keys", "CreateUsagePlanKey", this::createPlanKey)
                .add("GET", "/usageplans/{plan}/keys", "GetUsagePlanKeys", c -> ok(Views.page(
                        keys.plan(c.param("plan")).keyIds().stream().map(keys::key).toList(), Views::usagePlanKey)))
                .add("GET", "/usageplans/{plan}/keys/{key}", "GetUsagePlanKey", c -> {
                    if (!keys.plan(c.param("plan")).keyIds().contains(c.param("key"))) {
                        throw ControlErrors.notFound("Invalid API Key identifier specified");
                    }
                    return ok(Views.usagePlanKey(keys.key(c.param("key"))));
                })
                .add("DELETE", "/usageplans/{plan}/keys/{key}", "DeleteUsagePlanKey", c -> {
                    keys.removeKeyFromPlan(c.param("plan"), c.param("key"));
                    return accepted();
                });
    }

    private EdgeResponse createKey(Call call) {
        Input body = call.body();
        ApiKey key = keys.createKey(body.string("name"), body.string("description"), body.string("value"),
                body.bool("enabled").orElse(false), body.string("customerId"), body.strings("stageKeys"),
                body.stringMap("tags"));
        return created(Views.apiKey(key, true));
    }

    private EdgeResponse getKeys(Call call) {
        // The SDK sends nameQuery as "name".
        Optional<String> nameQuery = call.query("name");
        Optional<String> customerId = call.query("customerId");
        List<ApiKey> matching = keys.keys().stream()
                .filter(k -> nameQuery.map(q -> k.name().orElse("").startsWith(q)).orElse(true))
                .filter(k -> customerId.map(c -> k.customerId().filter(c::equals).isPresent()).orElse(true))
                .toList();
        boolean values = call.queryFlag("includeValues");
        return ok(Views.page(matching, k -> Views.apiKey(k, values)));
    }

    private EdgeResponse updateKey(Call call) {
        var operations = PatchOperation.of(call.body());
        ApiKey updated = keys.updateKey(call.param("key"), key -> {
            ApiKey result = key;
            for (PatchOperation op : operations) {
                if (!op.op().equals("replace")) {
                    throw op.unsupported();
                }
                result = switch (op.path()) {
                    case "/enabled" -> new ApiKey(result.id(), result.name(), result.description(), result.value(),
                            Boolean.parseBoolean(op.requiredValue()), result.customerId(), result.stageKeys(),
                            result.tags(), result.createdDate(), result.lastUpdatedDate());
                    case "/name" -> new ApiKey(result.id(), op.value(), result.description(), result.value(),
                            result.enabled(), result.customerId(), result.stageKeys(), result.tags(),
                            result.createdDate(), result.lastUpdatedDate());
                    case "/description" -> new ApiKey(result.id(), result.name(), op.value(), result.value(),
                            result.enabled(), result.customerId(), result.stageKeys(), result.tags(),
                            result.createdDate(), result.lastUpdatedDate());
                    case "/customerId" -> new ApiKey(result.id(), result.name(), result.description(),
                            result.value(), result.enabled(), op.value(), result.stageKeys(), result.tags(),
                            result.createdDate(), result.lastUpdatedDate());
                    default -> throw op.unsupported();
                };
            }
            return result;
        });
        return ok(Views.apiKey(updated, false));
    }

    private EdgeResponse createPlan(Call call) {
        Input body = call.body();
        List<UsagePlan.ApiStage> stages = body.objects("apiStages").stream().map(s -> {
            var stage = new UsagePlan.ApiStage(s.required("apiId"), s.required("stage"));
            apis.stage(stage.apiId(), stage.stage());
            return stage;
        }).toList();
        Optional<UsagePlan.Throttle> throttle = body.object("throttle").map(t -> {
            double rate = t.number("rateLimit").orElse(0.0);
            int burst = t.number("burstLimit").map(Double::intValue).orElse(0);
            if (rate < 0 || burst < 0) {
                throw ControlErrors.badRequest("Throttle rateLimit and burstLimit must not be negative");
            }
            return new UsagePlan.Throttle(rate, burst);
        });
        Optional<UsagePlan.Quota> quota = body.object("quota").map(q -> {
            int limit = q.number("limit").map(Double::intValue).orElse(0);
            String period = q.required("period");
            if (limit < 0 || !PERIODS.contains(period)) {
                throw ControlErrors.badRequest("Quota needs a limit >= 0 and a period of DAY, WEEK or MONTH");
            }
            return new UsagePlan.Quota(limit, q.number("offset").map(Double::intValue).orElse(0), period);
        });
        UsagePlan plan = keys.createPlan(body.required("name"), body.string("description"), stages, throttle, quota,
                body.stringMap("tags"));
        return created(Views.usagePlan(plan));
    }

    private EdgeResponse createPlanKey(Call call) {
        Input body = call.body();
        String keyType = body.required("keyType");
        if (!keyType.equals("API_KEY")) {
            throw ControlErrors.badRequest("Invalid key type specified: " + keyType);
        }
        ApiKey key = keys.addKeyToPlan(call.param("plan"), body.required("keyId"));
        return created(Views.usagePlanKey(key));
    }
}
