package io.eventgate.localcloud.events.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The log keeps the newest attempts only, finds them by event, rule and target, and counts every one. */
class DeliveryLogTest {

    private static final String RULE = "arn:aws:events:us-east-1:000000000000:rule/eventgate/order-created-to-carrier";

    private static DeliveryLog.Entry attempt(String eventId, int attempt, DeliveryLog.Outcome outcome) {
        return new DeliveryLog.Entry(Instant.EPOCH, RULE, "carrier", "arn:aws:events:us-east-1:000000000000:"
                + "api-destination/carrier/1", eventId, attempt, outcome, Optional.of(503), Optional.empty(),
                Optional.empty(), 5);
    }

    @Test
    void keepsTheNewestAttemptsOnlyButCountsThemAll() {
        DeliveryLog log = new DeliveryLog(3);
        for (int i = 1; i <= 5; i++) {
            log.record(attempt("e-" + i, 1, DeliveryLog.Outcome.DELIVERED));
        }

        assertThat(log.find(Optional.empty(), Optional.empty(), Optional.empty(), 100))
                .extracting(DeliveryLog.Entry::eventId).containsExactly("e-3", "e-4", "e-5");
        assertThat(log.counts()).containsEntry(
                "rule=\"eventgate/order-created-to-carrier\",target=\"carrier\",outcome=\"delivered\"", 5L);
    }

    @Test
    void findsByEventRuleNameOrArnAndTargetNewestWithinTheLimit() {
        DeliveryLog log = new DeliveryLog(100);
        log.record(attempt("e-1", 1, DeliveryLog.Outcome.RETRYING));
        log.record(attempt("e-2", 1, DeliveryLog.Outcome.DELIVERED));
        log.record(attempt("e-1", 2, DeliveryLog.Outcome.DELIVERED));

        assertThat(log.find(Optional.of("e-1"), Optional.empty(), Optional.empty(), 100))
                .extracting(DeliveryLog.Entry::attempt).containsExactly(1, 2);
        assertThat(log.find(Optional.empty(), Optional.of("order-created-to-carrier"), Optional.of("carrier"), 2))
                .extracting(DeliveryLog.Entry::eventId).containsExactly("e-2", "e-1");
        assertThat(log.find(Optional.empty(), Optional.of(RULE), Optional.empty(), 100)).hasSize(3);
        assertThat(log.find(Optional.empty(), Optional.of("created-to-carrier"), Optional.empty(), 100))
                .as("a rule name matches whole").isEmpty();
        assertThat(log.metrics()).contains("localcloud_delivery_attempts_total{rule=\"eventgate/order-created-to-carrier\","
                + "target=\"carrier\",outcome=\"retrying\"} 1");
    }
}
