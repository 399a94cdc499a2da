package io.eventgate.localcloud.apigateway.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A named stage pointing at one deployment, with its stage variables. */
public record Stage(String stageName, String deploymentId, Optional<String> description,
                    Map<String, String> variables, Map<String, String> tags, Instant createdDate,
                    Instant lastUpdatedDate) {

    public Stage {
        variables = Map.copyOf(variables);
        tags = Map.copyOf(tags);
    }
}
