package io.eventgate.carrier.store;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach AWS ({@code eventgate.aws.*}); the same keys as the other eventgate services.
 *
 * @param endpoint        endpoint override (local-cloud or LocalStack, e.g. {@code http://localhost:4566});
 *                        {@code null} means real AWS
 * @param region          the region
 * @param accessKeyId     static credentials for local endpoints; {@code null} uses the default provider chain
 * @param secretAccessKey the matching secret; a secret, never logged
 * @param maxConnections  HTTP connection pool size towards DynamoDB; sized for the request concurrency
 * @param apiCallTimeout  upper bound on one SDK call including its retries
 */
@Validated
@ConfigurationProperties("eventgate.aws")
public record AwsSettings(
        URI endpoint,
        @NotBlank @DefaultValue("us-east-1") String region,
        String accessKeyId,
        String secretAccessKey,
        @Min(1) @Max(10_000) @DefaultValue("256") int maxConnections,
        @NotNull @DefaultValue("10s") Duration apiCallTimeout) {

    @Override
    public String toString() {
        return "AwsSettings[endpoint=" + endpoint + ", region=" + region + ", accessKeyId=" + accessKeyId
                + ", secretAccessKey=***, maxConnections=" + maxConnections + ", apiCallTimeout=" + apiCallTimeout + "]";
    }
}
