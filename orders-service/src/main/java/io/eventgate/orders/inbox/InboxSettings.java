package io.eventgate.orders.inbox;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param queue           the queue the listener reads (name or URL)
 * @param deadLetterQueue its DLQ — only used when {@code createOnStart} creates the queues
 * @param acceptedSource  the only event {@code source} applied (the carrier's, as stamped by the gateway)
 * @param createOnStart   create both queues with a redrive policy at start when missing (local runs only; in AWS
 *                        the provisioner owns them)
 * @param maxReceiveCount deliveries before a message moves to the DLQ, for queues created here
 * @param pollTimeout     how long one receive waits for messages (long polling, at most 20 s)
 */
@Validated
@ConfigurationProperties("eventgate.orders.inbox")
public record InboxSettings(
        @DefaultValue("orders-inbox") @NotBlank String queue,
        @DefaultValue("orders-inbox-dlq") @NotBlank String deadLetterQueue,
        @DefaultValue("com.carrier") @NotBlank String acceptedSource,
        @DefaultValue("false") boolean createOnStart,
        @DefaultValue("5") @Min(1) int maxReceiveCount,
        @DefaultValue("10s") @NotNull Duration pollTimeout) {
}
