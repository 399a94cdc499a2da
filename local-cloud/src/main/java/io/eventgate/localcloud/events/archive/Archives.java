package io.eventgate.localcloud.events.archive;

import io.eventgate.localcloud.edge.AwsException;
import io.eventgate.localcloud.edge.AwsJsonService.Operation;
import io.eventgate.localcloud.events.control.Pages;
import io.eventgate.localcloud.events.control.Requests;
import io.eventgate.localcloud.json.Json;
import io.eventgate.localcloud.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * EventBridge archives: {@code CreateArchive}, {@code DescribeArchive}, {@code UpdateArchive}, {@code ListArchives},
 * {@code DeleteArchive}, and the hook through which every event put on a bus reaches that bus's archives.
 * Thread-safe.
 */
public final class Archives {

    private static final String STATE = "ENABLED";

    private final String region;
    private final String accountId;
    private final Clock clock;
    private final Predicate<String> busExists;
    private final ConcurrentMap<String, Archive> byName = new ConcurrentHashMap<>();
    private final StateStore state;

    /**
     * @param busExists whether an event bus ARN names an existing bus (archives may only be created on those)
     */
    public Archives(String region, String accountId, Clock clock, Predicate<String> busExists) {
        this(region, accountId, clock, busExists, StateStore.inMemory());
    }

    /** Archives, with those stored in the data directory (and the events they keep) read back. */
    public Archives(String region, String accountId, Clock clock, Predicate<String> busExists, StateStore state) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
        this.busExists = busExists;
        this.state = state;
        for (StateStore.Entry entry : state.entries(Archive.SETTINGS_KEY)) {
            Archive.StoredArchive stored = StateStore.read(entry.value(), Archive.StoredArchive.class);
            byName.put(stored.name(), new Archive(stored.name(), stored.arn(), stored.eventSourceArn(),
                    stored.description(), stored.eventPattern(), stored.retentionDays(), stored.creationTime(),
                    state));
        }
        for (StateStore.Entry entry : state.entries(Archive.EVENTS_KEY)) {
            String rest = entry.key().substring(Archive.EVENTS_KEY.length());
            Archive archive = byName.get(rest.substring(0, rest.lastIndexOf('/')));
            if (archive != null) {
                Archive.StoredEvent event = StateStore.read(entry.value(), Archive.StoredEvent.class);
                archive.restore(Archive.seqOf(entry.key()), event.receivedAt(), event.eventJson());
            }
        }
    }

    /** The operations to register in the EventBridge service, by operation name. */
    public Map<String, Operation> operations() {
        return Map.of(
                "CreateArchive", this::create,
                "DescribeArchive", this::describe,
                "UpdateArchive", this::update,
                "ListArchives", this::list,
                "DeleteArchive", this::delete);
    }

    /**
     * Offers an event that a bus accepted to that bus's archives. Replayed events (carrying {@code replay-name}) are
     * not archived again.
     */
    public void archive(String busArn, String eventJson, Instant receivedAt) {
        if (byName.isEmpty()) {
            return;
        }
        if (eventJson.contains("\"replay-name\"") && Json.parse(eventJson).has("replay-name")) {
            return;
        }
        for (Archive archive : byName.values()) {
            if (archive.eventSourceArn().equals(busArn)) {
                archive.offer(eventJson, receivedAt);
            }
        }
    }

    Optional<Archive> byArn(String arn) {
        Optional<Archive> archive = byName.values().stream().filter(a -> a.arn().equals(arn)).findFirst();
        archive.ifPresent(a -> a.expire(clock.instant()));
        return archive;
    }

    private JsonNode create(JsonNode input) {
        String name = Requests.name(input, "ArchiveName", 48);
        String source = Requests.required(input, "EventSourceArn");
        if (!busExists.test(source)) {
            throw AwsException.notFound("Event bus " + source + " does not exist.");
        }
        Optional<String> pattern = pattern(input);
        int retention = Requests.integer(input, "RetentionDays", 0, Integer.MAX_VALUE).orElse(0);
        Archive archive = new Archive(name, "arn:aws:events:" + region + ":" + accountId + ":archive/" + name, source,
                Requests.description(input), pattern, retention, clock.instant(), state);
        byName.compute(name, (key, existing) -> {
            if (existing != null) {
                throw AwsException.alreadyExists("Archive " + name + " already exists.");
            }
            archive.store();
            return archive;
        });
        return Json.object().put("ArchiveArn", archive.arn()).put("State", STATE)
                .put("CreationTime", Requests.epochSeconds(archive.creationTime()));
    }

    private JsonNode describe(JsonNode input) {
        Archive archive = existing(Requests.name(input, "ArchiveName", 48));
        ObjectNode view = summary(archive).put("ArchiveArn", archive.arn());
        archive.description().ifPresent(d -> view.put("Description", d));
        archive.eventPattern().ifPresent(p -> view.put("EventPattern", p));
        return view;
    }

    private JsonNode update(JsonNode input) {
        Archive archive = existing(Requests.name(input, "ArchiveName", 48));
        archive.update(Requests.description(input), pattern(input),
                Requests.integer(input, "RetentionDays", 0, Integer.MAX_VALUE));
        return Json.object().put("ArchiveArn", archive.arn()).put("State", STATE)
                .put("CreationTime", Requests.epochSeconds(archive.creationTime()));
    }

    private JsonNode list(JsonNode input) {
        ListFilter filter = ListFilter.of(input);
        List<Archive> matching = byName.values().stream()
                .filter(a -> filter.matches(a.name(), a.eventSourceArn(), STATE))
                .sorted(Comparator.comparing(Archive::name))
                .toList();
        return Pages.page(input, matching, Archive::name, this::summary, Json.object(), "Archives");
    }

    private JsonNode delete(JsonNode input) {
        String name = Requests.name(input, "ArchiveName", 48);
        Archive removed = byName.remove(name);
        if (removed == null) {
            throw notFound(name);
        }
        removed.forget();
        return Json.object();
    }

    private ObjectNode summary(Archive archive) {
        archive.expire(clock.instant());
        return Json.object()
                .put("ArchiveName", archive.name())
                .put("EventSourceArn", archive.eventSourceArn())
                .put("State", STATE)
                .put("RetentionDays", archive.retentionDays())
                .put("SizeBytes", archive.sizeBytes())
                .put("EventCount", archive.eventCount())
                .put("CreationTime", Requests.epochSeconds(archive.creationTime()));
    }

    private static Optional<String> pattern(JsonNode input) {
        Optional<String> pattern = Requests.optional(input, "EventPattern");
        try {
            Archive.machine(pattern);
        } catch (IllegalArgumentException e) {
            throw new AwsException(400, "InvalidEventPatternException",
                    "Event pattern is not valid. Reason: " + e.getMessage());
        }
        return pattern;
    }

    private Archive existing(String name) {
        Archive archive = byName.get(name);
        if (archive == null) {
            throw notFound(name);
        }
        return archive;
    }

    private static AwsException notFound(String name) {
        return AwsException.notFound("Archive " + name + " does not exist.");
    }
}
