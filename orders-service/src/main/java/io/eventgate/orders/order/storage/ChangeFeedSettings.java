package io.eventgate.orders.order.storage;

import jakarta.validation.constraints.NotNull;
import io.eventgate.web.retry.Pauses;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this instance follows the orders table's stream (every instance reads every shard, so that a change stored
 * by one reaches the live-update clients connected to any other).
 *
 * @param enabled           follow the stream at all (off: no live updates on this instance)
 * @param pollInterval      the pause between reads of the shards when the last read had nothing new. AWS advises
 *                          at most two readers per shard: with n instances each shard is read n / pollInterval times
 *                          a second
 * @param busyPollInterval  the pause after a read that had records: what is written meanwhile comes in the next read
 *                          together, instead of one call each (under a steady write load, reading again at once cost
 *                          a call per few records — about a fifth of orders-service's CPU); it is also the most a live
 *                          update waits for that
 * @param discoveryInterval how often the stream's shards are listed to find new ones (a closed shard also triggers
 *                          it at once)
 * @param retryInterval     the first pause after a failed call (or while the table has no stream), doubled up to
 *                          {@code maxRetryInterval}
 * @param maxRetryInterval  the longest pause between attempts
 */
@Validated
@ConfigurationProperties("eventgate.orders.change-feed")
record ChangeFeedSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500ms") @NotNull Duration pollInterval,
        @DefaultValue("100ms") @NotNull Duration busyPollInterval,
        @DefaultValue("30s") @NotNull Duration discoveryInterval,
        @DefaultValue("500ms") @NotNull Duration retryInterval,
        @DefaultValue("30s") @NotNull Duration maxRetryInterval) {

    Duration retryAfter(int failures) {
        return Pauses.after(failures, retryInterval, maxRetryInterval);
    }
}
