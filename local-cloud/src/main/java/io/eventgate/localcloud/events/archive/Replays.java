package io.eventgate.localcloud.events.archive;

import io.eventgate.localcloud.edge.AwsException;
import io.eventgate.localcloud.edge.AwsJsonService.Operation;
import io.eventgate.localcloud.events.control.Pages;
import io.eventgate.localcloud.events.control.Requests;
import io.eventgate.localcloud.json.Json;
import io.eventgate.localcloud.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * EventBridge replays: {@code StartReplay}, {@code DescribeReplay}, {@code ListReplays}, {@code CancelReplay}. Each
 * replay runs in the background ({@code STARTING → RUNNING → COMPLETED}, or {@code FAILED}, or
 * {@code CANCELLING → CANCELLED}), sending the archive's events of the window to the bus in the order they were
 * received. Thread-safe; {@link #close()} stops running replays.
 */
public final class Replays implements AutoCloseable {

    private final String region;
    private final String accountId;
    private final Clock clock;
    private final Archives archives;
    private final ReplayTarget target;
    private final ConcurrentMap<String, Replay> byName = new ConcurrentHashMap<>();
    private final ExecutorService runners = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("eventbridge-replay-", 0).factory());

    private final StateStore state;

    public Replays(String region, String accountId, Clock clock, Archives archives, ReplayTarget target) {
        this(region, accountId, clock, archives, target, StateStore.inMemory());
    }

    /**
     * Replays, with those stored in the data directory read back; one that was running when local-cloud stopped runs
     * again from the last event it had sent (at least once, as EventBridge delivers).
     */
    public Replays(String region, String accountId, Clock clock, Archives archives, ReplayTarget target,
                   StateStore state) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
        this.archives = archives;
        this.target = target;
        this.state = state;
        for (StateStore.Entry entry : state.entries(KEY)) {
            Replay replay = Replay.restore(StateStore.read(entry.value(), Replay.Stored.class));
            byName.put(replay.name(), replay);
            replay.onChange(() -> state.put(KEY + replay.name(), replay.stored()));
        }
    }

    private static final String KEY = "events/replay/";

    /** Runs again the replays that were under way when local-cloud stopped (called once everything is restored). */
    public void resume() {
        for (Replay replay : byName.values()) {
            if (replay.resumeAfterRestart(clock.instant())) {
                String archiveArn = replay.stored().archiveArn();
                Optional<Archive> archive = archives.byArn(archiveArn);
                if (archive.isEmpty()) {
                    replay.run();
                    replay.fail("Archive " + archiveArn + " no longer exists", clock.instant());
                } else {
                    runners.execute(new ReplayRun(replay, archive.get(), target, clock));
                }
            }
        }
    }

    /** The operations to register in the EventBridge service, by operation name. */
    public Map<String, Operation> operations() {
        return Map.of(
                "StartReplay", this::start,
                "DescribeReplay", this::describe,
                "ListReplays", this::list,
                "CancelReplay", this::cancel);
    }

    private JsonNode start(JsonNode input) {
        String name = Requests.name(input, "ReplayName", 64);
        String archiveArn = Requests.required(input, "EventSourceArn");
        Instant from = Requests.timestamp(input, "EventStartTime")
                .orElseThrow(() -> AwsException.validation("EventStartTime is required"));
        Instant to = Requests.timestamp(input, "EventEndTime")
                .orElseThrow(() -> AwsException.validation("EventEndTime is required"));
        if (!from.isBefore(to)) {
            throw AwsException.validation("EventStartTime must be before EventEndTime.");
        }
        JsonNode destination = input.get("Destination");
        if (destination == null || !destination.isObject()) {
            throw AwsException.validation("Destination is required");
        }
        String busArn = Requests.required(destination, "Arn");
        List<String> filterArns = filterArns(destination);
        Archive archive = archives.byArn(archiveArn)
                .orElseThrow(() -> AwsException.notFound("Archive " + archiveArn + " does not exist."));
        if (!archive.eventSourceArn().equals(busArn)) {
            throw AwsException.validation("Parameter Destination.Arn is not valid. Reason: Cross event bus replay "
                    + "is not permitted; the destination must be " + archive.eventSourceArn());
        }
        Replay replay = new Replay(name, "arn:aws:events:" + region + ":" + accountId + ":replay/" + name,
                Requests.description(input), archiveArn, busArn, filterArns, from, to, clock.instant());
        byName.compute(name, (key, existing) -> {
            if (existing != null) {
                throw AwsException.alreadyExists("Replay " + name + " already exists.");
            }
            replay.onChange(() -> state.put(KEY + name, replay.stored()));
            return replay;
        });
        runners.execute(new ReplayRun(replay, archive, target, clock));
        Replay.Stored started = replay.stored();
        return Json.object().put("ReplayArn", started.arn()).put("State", started.state().name())
                .put("ReplayStartTime", Requests.epochSeconds(started.replayStartTime()));
    }

    private static List<String> filterArns(JsonNode destination) {
        JsonNode filters = destination.get("FilterArns");
        List<String> arns = new ArrayList<>();
        if (filters == null || filters.isNull()) {
            return arns;
        }
        if (!filters.isArray()) {
            throw AwsException.validation("Destination.FilterArns must be a list of rule ARNs");
        }
        for (JsonNode arn : filters) {
            if (!arn.isString() || !arn.asString().contains(":rule/")) {
                throw AwsException.validation("Destination.FilterArns must be a list of rule ARNs");
            }
            arns.add(arn.asString());
        }
        return arns;
    }

    private JsonNode describe(JsonNode input) {
        Replay.Stored replay = existing(Requests.name(input, "ReplayName", 64)).stored();
        ObjectNode view = summary(replay).put("ReplayArn", replay.arn());
        replay.description().ifPresent(d -> view.put("Description", d));
        ObjectNode destination = view.putObject("Destination").put("Arn", replay.destinationArn());
        if (!replay.filterArns().isEmpty()) {
            replay.filterArns().forEach(destination.putArray("FilterArns")::add);
        }
        return view;
    }

    private JsonNode list(JsonNode input) {
        ListFilter filter = ListFilter.of(input);
        List<Replay.Stored> matching = byName.values().stream()
                .map(Replay::stored)
                .filter(r -> filter.matches(r.name(), r.archiveArn(), r.state().name()))
                .sorted(Comparator.comparing(Replay.Stored::name))
                .toList();
        return Pages.page(input, matching, Replay.Stored::name, Replays::summary, Json.object(), "Replays");
    }

    private JsonNode cancel(JsonNode input) {
        Replay replay = existing(Requests.name(input, "ReplayName", 64));
        if (!replay.cancel()) {
            throw new AwsException(400, "IllegalStatusException", "Replay " + replay.name() + " is "
                    + replay.state() + " and can no longer be cancelled.");
        }
        return Json.object().put("ReplayArn", replay.stored().arn()).put("State", Replay.State.CANCELLING.name());
    }

    private static ObjectNode summary(Replay.Stored replay) {
        ObjectNode view = Json.object()
                .put("ReplayName", replay.name())
                .put("EventSourceArn", replay.archiveArn())
                .put("State", replay.state().name())
                .put("EventStartTime", Requests.epochSeconds(replay.eventStartTime()))
                .put("EventEndTime", Requests.epochSeconds(replay.eventEndTime()))
                .put("ReplayStartTime", Requests.epochSeconds(replay.replayStartTime()));
        replay.stateReason().ifPresent(r -> view.put("StateReason", r));
        replay.eventLastReplayedTime().ifPresent(t -> view.put("EventLastReplayedTime", Requests.epochSeconds(t)));
        replay.replayEndTime().ifPresent(t -> view.put("ReplayEndTime", Requests.epochSeconds(t)));
        return view;
    }

    private Replay existing(String name) {
        Replay replay = byName.get(name);
        if (replay == null) {
            throw AwsException.notFound("Replay " + name + " does not exist.");
        }
        return replay;
    }

    @Override
    public void close() {
        runners.shutdownNow();
    }
}
