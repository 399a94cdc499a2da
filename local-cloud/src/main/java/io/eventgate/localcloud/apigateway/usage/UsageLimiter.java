package io.eventgate.localcloud.apigateway.usage;

import io.eventgate.localcloud.apigateway.model.UsagePlan;
import io.eventgate.localcloud.state.StateStore;
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
 * quota. Quota periods are calendar periods in UTC (day, ISO week, month), as AWS's are. With a data directory the
 * quota counters are stored with every request (a restart does not hand out a fresh quota); the token buckets are
 * not (they refill within seconds anyway).
 */
public final class UsageLimiter {

    /** What happens to one request. */
    public enum Verdict { ALLOWED, THROTTLED, QUOTA_EXCEEDED }

    private static final String KEY = "apigateway/quota/";

    private final Clock clock;
    private final StateStore state;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, QuotaWindow> quotas = new ConcurrentHashMap<>();

    private record QuotaWindow(LocalDate start, AtomicLong used) {
    }

    /** A quota counter as stored. */
    record StoredQuota(LocalDate start, long used) {
    }

    public UsageLimiter(Clock clock) {
        this(clock, StateStore.inMemory());
    }

    public UsageLimiter(Clock clock, StateStore state) {
        this.clock = clock;
        this.state = state;
        for (StateStore.Entry entry : state.entries(KEY)) {
            StoredQuota stored = StateStore.read(entry.value(), StoredQuota.class);
            quotas.put(entry.key().substring(KEY.length()),
                    new QuotaWindow(stored.start(), new AtomicLong(stored.used())));
        }
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
            long used;
            synchronized (window) {
                used = window.used().incrementAndGet();
                state.put(KEY + slot, new StoredQuota(window.start(), used));
            }
            if (used > quota.limit()) {
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
