package io.eventgate.infra.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;

/** Starts a replay of the bus archive and waits for it to finish. */
public final class ArchiveReplay {

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    private static final Set<ReplayState> FINAL = Set.of(ReplayState.COMPLETED, ReplayState.FAILED,
            ReplayState.CANCELLED);

    private final EventBridgeClient events;
    private final Clock clock;

    public ArchiveReplay(EventBridgeClient events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Replays the archived events whose time lies in [{@code from}, {@code to}) back to the bus.
     *
     * @param ruleArns the only rules that see the replayed events; empty for every rule on the bus
     * @return the replay's name
     */
    public String start(String archiveArn, String busArn, Instant from, Instant to, List<String> ruleArns) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--from must be before --to");
        }
        String name = "eventgate-" + NAME_TIME.format(clock.instant());
        events.startReplay(b -> b.replayName(name).eventSourceArn(archiveArn).eventStartTime(from).eventEndTime(to)
                .destination(d -> {
                    d.arn(busArn);
                    if (!ruleArns.isEmpty()) {
                        d.filterArns(ruleArns);
                    }
                })
                .description("started by gateway-infra replay"));
        return name;
    }

    /** Polls the replay until it is completed, failed or cancelled, or the timeout passes. */
    public DescribeReplayResponse await(String name, Duration timeout) throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            DescribeReplayResponse replay = events.describeReplay(b -> b.replayName(name));
            if (FINAL.contains(replay.state()) || clock.instant().isAfter(deadline)) {
                return replay;
            }
            Thread.sleep(Duration.ofMillis(500));
        }
    }
}
