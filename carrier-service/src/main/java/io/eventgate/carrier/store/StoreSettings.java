package io.eventgate.carrier.store;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The carrier's table ({@code eventgate.carrier.store.*}).
 *
 * @param tableName   the DynamoDB table
 * @param createTable create the table (with its indexes) at start when it is missing; for local runs and tests,
 *                    the provisioner creates it everywhere else
 */
@Validated
@ConfigurationProperties("eventgate.carrier.store")
public record StoreSettings(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{3,255}") @DefaultValue("carrier-shipments") String tableName,
        @DefaultValue("false") boolean createTable) {
}
