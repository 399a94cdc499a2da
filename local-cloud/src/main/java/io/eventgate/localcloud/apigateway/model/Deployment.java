package io.eventgate.localcloud.apigateway.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A deployment: the API exactly as it was when CreateDeployment ran. Stages serve this snapshot, so later
 * changes reach callers only through a new deployment, as on AWS.
 */
public record Deployment(String id, Optional<String> description, Instant createdDate, RestApi snapshot) {
}
