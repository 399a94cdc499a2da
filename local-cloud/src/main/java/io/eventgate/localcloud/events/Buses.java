package io.eventgate.localcloud.events;

import io.eventgate.localcloud.edge.AwsException;
import io.eventgate.localcloud.state.StateStore;
import java.time.Instant;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every event bus, and the tags of buses and rules (by ARN). The {@code default} bus always exists. Buses and tags
 * are stored in the data directory, if there is one, and read back when constructed.
 */
final class Buses {

    /** A bus as stored. */
    record StoredBus(String name, Optional<String> description, Instant created) {
    }

    private final Arns arns;
    private final Clock clock;
    private final StateStore state;
    private final Map<String, EventBus> buses = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();

    Buses(Arns arns, Clock clock) {
        this(arns, clock, StateStore.inMemory());
    }

    Buses(Arns arns, Clock clock, StateStore state) {
        this.arns = arns;
        this.clock = clock;
        this.state = state;
        for (StateStore.Entry entry : state.entries("events/bus/")) {
            StoredBus stored = StateStore.read(entry.value(), StoredBus.class);
            buses.put(stored.name(), new EventBus(stored.name(), arns.bus(stored.name()), stored.description(),
                    stored.created(), state));
        }
        for (StateStore.Entry entry : state.entries("events/tags/")) {
            Map<String, String> stored = new LinkedHashMap<>();
            entry.value().properties().forEach(e -> stored.put(e.getKey(), e.getValue().asString()));
            tags.put(entry.key().substring("events/tags/".length()), Map.copyOf(stored));
        }
        if (!buses.containsKey(Arns.DEFAULT_BUS)) {
            create(Arns.DEFAULT_BUS, Optional.empty());
        }
    }

    Arns arns() {
        return arns;
    }

    Optional<EventBus> find(String name) {
        return Optional.ofNullable(buses.get(name));
    }

    EventBus require(String name) {
        return find(name).orElseThrow(() -> AwsException.notFound("Event bus " + name + " does not exist."));
    }

    /** Creates a bus; empty when one of that name exists. */
    synchronized Optional<EventBus> create(String name, Optional<String> description) {
        Instant now = clock.instant();
        EventBus bus = new EventBus(name, arns.bus(name), description, now, state);
        if (buses.putIfAbsent(name, bus) != null) {
            return Optional.empty();
        }
        state.put("events/bus/" + name, new StoredBus(name, description, now));
        return Optional.of(bus);
    }

    synchronized void delete(String name) {
        EventBus bus = buses.remove(name);
        if (bus != null) {
            state.delete("events/bus/" + name);
            forgetTags(bus.arn());
            for (Rule rule : List.copyOf(bus.rules())) {
                forgetTags(rule.arn());
                bus.remove(rule.name());
            }
        }
    }

    List<EventBus> all() {
        return buses.values().stream().sorted(Comparator.comparing(EventBus::name)).toList();
    }

    /** Whether a bus or rule with this ARN exists. */
    boolean exists(String arn) {
        String prefix = "arn:aws:events:" + arns.region() + ":" + arns.accountId() + ":";
        if (!arn.startsWith(prefix)) {
            return false;
        }
        String resource = arn.substring(prefix.length());
        if (resource.startsWith("event-bus/")) {
            return buses.containsKey(resource.substring("event-bus/".length()));
        }
        if (resource.startsWith("rule/")) {
            String path = resource.substring("rule/".length());
            int slash = path.lastIndexOf('/');
            String bus = slash < 0 ? Arns.DEFAULT_BUS : path.substring(0, slash);
            return find(bus).flatMap(b -> b.rule(path.substring(slash + 1))).isPresent();
        }
        return false;
    }

    Map<String, String> tags(String arn) {
        return tags.getOrDefault(arn, Map.of());
    }

    void tag(String arn, Map<String, String> newTags) {
        if (newTags.isEmpty()) {
            return;
        }
        tags.compute(arn, (key, old) -> {
            Map<String, String> merged = new LinkedHashMap<>(old == null ? Map.of() : old);
            merged.putAll(newTags);
            state.put("events/tags/" + arn, merged);
            return Map.copyOf(merged);
        });
    }

    void untag(String arn, List<String> keys) {
        tags.computeIfPresent(arn, (key, old) -> {
            Map<String, String> left = new LinkedHashMap<>(old);
            keys.forEach(left::remove);
            state.put("events/tags/" + arn, left);
            return Map.copyOf(left);
        });
    }

    void forgetTags(String arn) {
        tags.computeIfPresent(arn, (key, old) -> {
            state.delete("events/tags/" + arn);
            return null;
        });
    }
}
