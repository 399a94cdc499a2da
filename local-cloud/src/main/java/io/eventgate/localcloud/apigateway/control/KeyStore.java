package io.eventgate.localcloud.apigateway.control;

import io.eventgate.localcloud.apigateway.model.ApiKey;
import io.eventgate.localcloud.apigateway.model.UsagePlan;
import io.eventgate.localcloud.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * API keys and usage plans.
 *
 * <p>Keys are found by the SHA-256 of their value, and the stored value is then compared in constant time, so that
 * neither a map lookup nor a string comparison on the secret leaks timing.
 */
public final class KeyStore {

    private static final int MIN_KEY_LENGTH = 20;

    private static final String KEY = "apigateway/apikey/";
    private static final String PLAN = "apigateway/usageplan/";

    private final Clock clock;
    private final StateStore state;
    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();
    private final Map<String, String> keyIdByValueHash = new ConcurrentHashMap<>();
    private final Map<String, UsagePlan> plans = new ConcurrentHashMap<>();

    public KeyStore(Clock clock) {
        this(clock, StateStore.inMemory());
    }

    /** Keys (values included: the data directory is owner-only) and plans, read back from the data directory. */
    public KeyStore(Clock clock, StateStore state) {
        this.clock = clock;
        this.state = state;
        for (StateStore.Entry entry : state.entries(KEY)) {
            ApiKey key = StateStore.read(entry.value(), ApiKey.class);
            keys.put(key.id(), key);
            keyIdByValueHash.put(hash(key.value()), key.id());
        }
        for (StateStore.Entry entry : state.entries(PLAN)) {
            UsagePlan plan = StateStore.read(entry.value(), UsagePlan.class);
            plans.put(plan.id(), plan);
        }
    }

    private void store(ApiKey key) {
        state.put(KEY + key.id(), key);
    }

    private void store(UsagePlan plan) {
        state.put(PLAN + plan.id(), plan);
    }

    /** The key whose value was sent, if any. */
    public Optional<ApiKey> keyByValue(String value) {
        String keyId = keyIdByValueHash.get(hash(value));
        ApiKey key = keyId == null ? null : keys.get(keyId);
        if (key == null || !MessageDigest.isEqual(bytes(key.value()), bytes(value))) {
            return Optional.empty();
        }
        return Optional.of(key);
    }

    /** The usage plan that lets this key call this API stage, if any (AWS allows at most one). */
    public Optional<UsagePlan> planFor(String keyId, String apiId, String stage) {
        return plans.values().stream()
                .filter(plan -> plan.keyIds().contains(keyId) && plan.covers(apiId, stage))
                .findFirst();
    }

    synchronized ApiKey createKey(Optional<String> name, Optional<String> description, Optional<String> value,
                                  boolean enabled, Optional<String> customerId, List<String> stageKeys,
                                  Map<String, String> tags) {
        String secret = value.orElseGet(Ids::apiKeyValue);
        if (secret.length() < MIN_KEY_LENGTH) {
            throw ControlErrors.badRequest("API Key value should be at least " + MIN_KEY_LENGTH + " characters");
        }
        if (keyIdByValueHash.containsKey(hash(secret))) {
            throw ControlErrors.conflict("API Key already exists");
        }
        Instant now = clock.instant();
        var key = new ApiKey(Ids.next(), name, description, secret, enabled, customerId, stageKeys, tags, now, now);
        keys.put(key.id(), key);
        keyIdByValueHash.put(hash(secret), key.id());
        store(key);
        return key;
    }

    List<ApiKey> keys() {
        return keys.values().stream().sorted(Comparator.comparing(ApiKey::createdDate)).toList();
    }

    ApiKey key(String keyId) {
        return Optional.ofNullable(keys.get(keyId))
                .orElseThrow(() -> ControlErrors.notFound("Invalid API Key identifier specified"));
    }

    synchronized ApiKey updateKey(String keyId, UnaryOperator<ApiKey> change) {
        ApiKey changed = change.apply(key(keyId));
        ApiKey stamped = new ApiKey(changed.id(), changed.name(), changed.description(), key(keyId).value(),
                changed.enabled(), changed.customerId(), changed.stageKeys(), changed.tags(), changed.createdDate(),
                clock.instant());
        keys.put(keyId, stamped);
        store(stamped);
        return stamped;
    }

    synchronized void deleteKey(String keyId) {
        ApiKey key = key(keyId);
        keys.remove(keyId);
        keyIdByValueHash.remove(hash(key.value()));
        state.delete(KEY + keyId);
        plans.replaceAll((id, plan) -> {
            if (!plan.keyIds().contains(keyId)) {
                return plan;
            }
            Set<String> remaining = new HashSet<>(plan.keyIds());
            remaining.remove(keyId);
            UsagePlan changed = plan.withKeys(remaining);
            store(changed);
            return changed;
        });
    }

    synchronized UsagePlan createPlan(String name, Optional<String> description, List<UsagePlan.ApiStage> apiStages,
                                      Optional<UsagePlan.Throttle> throttle, Optional<UsagePlan.Quota> quota,
                                      Map<String, String> tags) {
        var plan = new UsagePlan(Ids.next(), name, description, apiStages, throttle, quota, tags, Set.of());
        plans.put(plan.id(), plan);
        store(plan);
        return plan;
    }

    List<UsagePlan> plans() {
        return plans.values().stream().sorted(Comparator.comparing(UsagePlan::name).thenComparing(UsagePlan::id))
                .toList();
    }

    UsagePlan plan(String planId) {
        return Optional.ofNullable(plans.get(planId))
                .orElseThrow(() -> ControlErrors.notFound("Invalid Usage Plan ID specified"));
    }

    synchronized UsagePlan updatePlan(String planId, UnaryOperator<UsagePlan> change) {
        UsagePlan changed = change.apply(plan(planId));
        plans.put(planId, changed);
        store(changed);
        return changed;
    }

    synchronized void deletePlan(String planId) {
        plan(planId);
        plans.remove(planId);
        state.delete(PLAN + planId);
    }

    /** Adds a key to a plan; like AWS, refuses a key already in another plan covering one of the same stages. */
    synchronized ApiKey addKeyToPlan(String planId, String keyId) {
        UsagePlan plan = plan(planId);
        ApiKey key = key(keyId);
        if (plan.keyIds().contains(keyId)) {
            throw ControlErrors.conflict("Usage Plan " + planId + " cannot be added because API Key " + keyId
                    + " already exists in this Usage Plan");
        }
        for (UsagePlan other : plans.values()) {
            boolean overlaps = other.apiStages().stream().anyMatch(plan.apiStages()::contains);
            if (!other.id().equals(planId) && other.keyIds().contains(keyId) && overlaps) {
                throw ControlErrors.conflict("Usage Plan " + planId + " cannot be added because API Key " + keyId
                        + " is already in Usage Plan " + other.id() + " for the same API stage");
            }
        }
        Set<String> added = new HashSet<>(plan.keyIds());
        added.add(keyId);
        UsagePlan changed = plan.withKeys(added);
        plans.put(planId, changed);
        store(changed);
        return key;
    }

    synchronized void removeKeyFromPlan(String planId, String keyId) {
        UsagePlan plan = plan(planId);
        if (!plan.keyIds().contains(keyId)) {
            throw ControlErrors.notFound("Invalid API Key identifier specified");
        }
        Set<String> remaining = new HashSet<>(plan.keyIds());
        remaining.remove(keyId);
        UsagePlan changed = plan.withKeys(remaining);
        plans.put(planId, changed);
        store(changed);
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(value)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
