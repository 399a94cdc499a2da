package io.eventgate.localcloud.apigateway.usage;

import static io.eventgate.localcloud.apigateway.usage.UsageLimiter.Verdict.ALLOWED;
import static io.eventgate.localcloud.apigateway.usage.UsageLimiter.Verdict.QUOTA_EXCEEDED;
import static io.eventgate.localcloud.apigateway.usage.UsageLimiter.Verdict.THROTTLED;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventgate.localcloud.apigateway.model.UsagePlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UsageLimiterTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final UsageLimiter limiter = new UsageLimiter(clock);

    private static UsagePlan plan(Optional<UsagePlan.Throttle> throttle, Optional<UsagePlan.Quota> quota) {
        return new UsagePlan("plan1", "plan", Optional.empty(), List.of(new UsagePlan.ApiStage("api", "local")),
                throttle, quota, Map.of(), Set.of("key1"));
    }

    @Test
    void letsABurstThroughThenRefillsAtTheRate() {
        UsagePlan plan = plan(Optional.of(new UsagePlan.Throttle(2, 3)), Optional.empty());

        assertThat(List.of(limiter.admit(plan, "key1"), limiter.admit(plan, "key1"), limiter.admit(plan, "key1"),
                limiter.admit(plan, "key1"))).containsExactly(ALLOWED, ALLOWED, ALLOWED, THROTTLED);

        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.admit(plan, "key1")).isEqualTo(ALLOWED);
        assertThat(limiter.admit(plan, "key1")).isEqualTo(THROTTLED);
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.admit(plan, "key1")).isEqualTo(ALLOWED);
        }
        assertThat(limiter.admit(plan, "key1")).isEqualTo(THROTTLED);
    }

    @Test
    void keepsASeparateBucketPerKey() {
        UsagePlan plan = plan(Optional.of(new UsagePlan.Throttle(1, 1)), Optional.empty());

        assertThat(limiter.admit(plan, "key1")).isEqualTo(ALLOWED);
        assertThat(limiter.admit(plan, "key1")).isEqualTo(THROTTLED);
        assertThat(limiter.admit(plan, "key2")).isEqualTo(ALLOWED);
    }

    @Test
    void spendsTheQuotaAndStartsAgainNextPeriod() {
        UsagePlan plan = plan(Optional.empty(), Optional.of(new UsagePlan.Quota(2, 0, "DAY")));

        assertThat(List.of(limiter.admit(plan, "key1"), limiter.admit(plan, "key1"), limiter.admit(plan, "key1")))
                .containsExactly(ALLOWED, ALLOWED, QUOTA_EXCEEDED);

        clock.advance(Duration.ofHours(14));
        assertThat(limiter.admit(plan, "key1")).isEqualTo(ALLOWED);
    }

    @Test
    void doesNotCountThrottledRequestsAgainstTheQuota() {
        UsagePlan plan = plan(Optional.of(new UsagePlan.Throttle(1, 1)), Optional.of(new UsagePlan.Quota(2, 0, "MONTH")));

        assertThat(limiter.admit(plan, "key1")).isEqualTo(ALLOWED);
        assertThat(limiter.admit(plan, "key1")).isEqualTo(THROTTLED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.admit(plan, "key1")).isEqualTo(ALLOWED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.admit(plan, "key1")).isEqualTo(QUOTA_EXCEEDED);
    }
}
