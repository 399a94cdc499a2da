package io.eventgate.localcloud.events;

import io.eventgate.localcloud.edge.AwsException;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every event bus, and the tags of buses and rules (by ARN). The {@code default} bus always exists. */
final class Buses {

    private final Arns arns;
    private final Clock clock;
    private final Map<String, EventBus> buses = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();

    Buses(Arns arns, Clock clock) {
        this.arns = arns;
        this.clock = clock;
        create(Arns.DEFAULT_BUS, Optional.empty());
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
    Optional<EventBus> create(String name, Optional<String> description) {
        EventBus bus = new EventBus(name, arns.bus(name), description, clock.instant());
        return buses.putIfAbsent(name, bus) == null ? Optional.of(bus) : Optional.empty();
    }

    void delete(String name) {
        EventBus bus = buses.remove(name);
        if (bus != null) {
            tags.remove(bus.arn());
            bus.rules().forEach(rule -> tags.remove(rule.arn()));
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
        tags.compute(arn, (key, old) -> {
            Map<String, String> merged = new LinkedHashMap<>(old == null ? Map.of() : old);
            merged.putAll(newTags);
            return Map.copyOf(merged);
        });
    }

    void untag(String arn, List<String> keys) {
        tags.computeIfPresent(arn, (key, old) -> {
            Map<String, String> left = new LinkedHashMap<>(old);
            keys.forEach(left::remove);
            return Map.copyOf(left);
        });
    }

    void forgetTags(String arn) {
        tags.remove(arn);
    }
}
