package io.eventgate.orders.order.storage;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param idempotencyRetention how long an {@code Idempotency-Key} is remembered (DynamoDB TTL removes it later)
 * @param inboxRetention       how long applied inbound event ids are remembered — longer than any redelivery
 *                             or replay window that matters
 */
@Validated
@ConfigurationProperties("eventgate.orders.storage")
record StorageSettings(
        @DefaultValue("24h") @NotNull Duration idempotencyRetention,
        @DefaultValue("30d") @NotNull Duration inboxRetention) {
}
