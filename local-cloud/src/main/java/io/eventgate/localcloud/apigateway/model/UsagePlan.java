package io.eventgate.localcloud.apigateway.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A usage plan: which API stages it covers, its throttle and quota, and the keys in it.
 *
 * @param keyIds ids of the API keys added with CreateUsagePlanKey
 */
public record UsagePlan(String id, String name, Optional<String> description, List<ApiStage> apiStages,
                        Optional<Throttle> throttle, Optional<Quota> quota, Map<String, String> tags,
                        Set<String> keyIds) {

    public UsagePlan {
        apiStages = List.copyOf(apiStages);
        tags = Map.copyOf(tags);
        keyIds = Set.copyOf(keyIds);
    }

    /** One API stage a plan covers. */
    public record ApiStage(String apiId, String stage) {
    }

    /**
     * Token bucket: {@code rateLimit} requests per second on average, up to {@code burstLimit} at once.
     */
    public record Throttle(double rateLimit, int burstLimit) {
    }

    /** At most {@code limit} requests per {@code period} ({@code DAY}, {@code WEEK} or {@code MONTH}). */
    public record Quota(int limit, int offset, String period) {
    }

    public boolean covers(String apiId, String stage) {
        return apiStages.contains(new ApiStage(apiId, stage));
    }

    public UsagePlan withKeys(Set<String> newKeyIds) {
        return new UsagePlan(id, name, description, apiStages, throttle, quota, tags, newKeyIds);
    }

    public UsagePlan withTags(Map<String, String> newTags) {
        return new UsagePlan(id, name, description, apiStages, throttle, quota, newTags, keyIds);
    }
}
