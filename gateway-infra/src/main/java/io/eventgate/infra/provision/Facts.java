package io.eventgate.infra.provision;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What resources learn about each other during one run: ids and ARNs of resources that exist (or were just created),
 * published by the resource that owns them and read by those that refer to them.
 *
 * <p>While planning, a fact of a resource that does not exist yet is {@link #UNKNOWN}; while applying, asking for it
 * means a resource this one depends on failed, and the resource is skipped.
 */
public final class Facts {

    /** Stands for a value only {@code apply} will know, like Terraform's "known after apply". */
    public static final String UNKNOWN = "(known after apply)";

    private final boolean planning;
    private final Map<String, String> values = new LinkedHashMap<>();

    private Facts(boolean planning) {
        this.planning = planning;
    }

    public static Facts forPlanning() {
        return new Facts(true);
    }

    public static Facts forApplying() {
        return new Facts(false);
    }

    /** Whether this run only reads (plan, outputs) rather than changes. */
    public boolean planning() {
        return planning;
    }

    public void put(String key, String value) {
        values.put(key, value);
    }

    public void remove(String key) {
        values.remove(key);
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * A fact a resource needs: the value, {@link #UNKNOWN} while planning, or {@link DependencyUnavailable} while
     * applying when the resource providing it did not come into being.
     */
    public String require(String key) {
        String value = values.get(key);
        if (value != null) {
            return value;
        }
        if (planning) {
            return UNKNOWN;
        }
        throw new DependencyUnavailable(key);
    }

    /** Whether a value computed from facts still contains an unknown part. */
    public static boolean unknown(String value) {
        return value != null && value.contains(UNKNOWN);
    }

    public Map<String, String> all() {
        return Map.copyOf(values);
    }
}
