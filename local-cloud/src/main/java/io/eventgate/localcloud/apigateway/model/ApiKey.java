package io.eventgate.localcloud.apigateway.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An API key. {@link #toString()} never shows the value: keys are secrets and records end up in log lines.
 *
 * @param value the secret callers send in {@code x-api-key}
 */
public record ApiKey(String id, Optional<String> name, Optional<String> description, String value,
                     boolean enabled, Optional<String> customerId, List<String> stageKeys,
                     Map<String, String> tags, Instant createdDate, Instant lastUpdatedDate) {

    public ApiKey {
        stageKeys = List.copyOf(stageKeys);
        tags = Map.copyOf(tags);
    }

    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", name=" + name.orElse("") + ", enabled=" + enabled + "]";
    }
}
