package io.eventgate.localcloud.apigateway.usage;

import io.eventgate.localcloud.apigateway.model.UsagePlan;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applies a usage plan's throttle and quota to one key's requests. A throttled request does not count against the
 * quota. Quota periods are calendar periods in UTC (day, ISO week, month), as AWS's are.
 */
public final class UsageLimiter {

    /** What happens to one request. */
    public enum Verdict { ALLOWED, THROTTLED, QUOTA_EXCEEDED }

    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, QuotaWindow> quotas = new ConcurrentHashMap<>();

    private record QuotaWindow(LocalDate start, AtomicLong used) {
    }

    public UsageLimiter(Clock clock) {
        this.clock = clock;
    }

    public Verdict admit(UsagePlan plan, String keyId) {
        String slot = plan.id() + "/" + keyId;
        Instant now = clock.instant();
        if (plan.throttle().isPresent()) {
            UsagePlan.Throttle throttle = plan.throttle().get();
            long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
            TokenBucket bucket = buckets.compute(slot, (k, existing) ->
                    existing != null && existing.sameSettings(throttle.rateLimit(), throttle.burstLimit()) ? existing
                            : new TokenBucket(throttle.rateLimit(), throttle.burstLimit(), nanos));
            if (!bucket.tryTake(nanos)) {
                return Verdict.THROTTLED;
            }
        }
        if (plan.quota().isPresent()) {
            UsagePlan.Quota quota = plan.quota().get();
            LocalDate start = periodStart(quota.period(), now);
            QuotaWindow window = quotas.compute(slot, (k, existing) ->
                    existing != null && existing.start().equals(start) ? existing
                            : new QuotaWindow(start, new AtomicLong(quota.offset())));
            if (window.used().incrementAndGet() > quota.limit()) {
                return Verdict.QUOTA_EXCEEDED;
            }
        }
        return Verdict.ALLOWED;
    }

    private static LocalDate periodStart(String period, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return switch (period) {
            case "WEEK" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "MONTH" -> today.withDayOfMonth(1);
            default -> today;
        };
    }
}
