package io.eventgate.orders.table;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param name          the table's name
 * @param createOnStart create the table (with its indexes and TTL) at start when it is missing — for local runs
 *                      against an emulator; in AWS the provisioner owns the table
 */
@Validated
@ConfigurationProperties("eventgate.orders.table")
public record TableSettings(@DefaultValue("orders") @NotBlank String name, @DefaultValue("false") boolean createOnStart) {
}
