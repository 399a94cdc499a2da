package io.eventgate.carrier.store;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The carrier's table ({@code eventgate.carrier.store.*}); where AWS is comes from {@code eventgate.aws.*}, shared
 * with orders-service.
 *
 * @param tableName      the DynamoDB table
 * @param createTable    create the table (with its indexes) at start when it is missing; for local runs and tests,
 *                       the provisioner creates it everywhere else
 * @param maxConnections HTTP connection pool size towards DynamoDB; sized for the request concurrency
 * @param apiCallTimeout upper bound on one DynamoDB call including its retries
 */
@Validated
@ConfigurationProperties("eventgate.carrier.store")
public record StoreSettings(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{3,255}") @DefaultValue("carrier-shipments") String tableName,
        @DefaultValue("false") boolean createTable,
        @Min(1) @Max(10_000) @DefaultValue("256") int maxConnections,
        @NotNull @DefaultValue("10s") Duration apiCallTimeout) {
}
