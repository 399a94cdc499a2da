package io.eventgate.localcloud.events.archive;

import io.eventgate.localcloud.json.Json;
import java.time.Clock;
import java.util.HashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/** Runs one replay: every archived event of the window, oldest first, back to the bus with {@code replay-name}. */
final class ReplayRun implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ReplayRun.class);

    private final Replay replay;
    private final Archive archive;
    private final ReplayTarget target;
    private final Clock clock;

    ReplayRun(Replay replay, Archive archive, ReplayTarget target, Clock clock) {
        this.replay = replay;
        this.archive = archive;
        this.target = target;
        this.clock = clock;
    }

    @Override
    public void run() {
        if (!replay.run()) {
            replay.cancelledBeforeStart(clock.instant());
            return;
        }
        Replay.Stored asked = replay.stored();
        int sent = 0;
        try {
            for (ArchivedEvent event : archive.between(replay.resumeFrom(), asked.eventEndTime())) {
                ObjectNode envelope = (ObjectNode) Json.parse(event.eventJson());
                envelope.put("replay-name", replay.name());
                if (!target.replay(asked.destinationArn(), Json.text(envelope), new HashSet<>(asked.filterArns()))) {
                    replay.fail("Event bus " + asked.destinationArn() + " no longer exists", clock.instant());
                    log.warn("replay {} failed after {} events: bus {} is gone", replay.name(), sent,
                            asked.destinationArn());
                    return;
                }
                sent++;
                if (!replay.replayed(event.receivedAt())) {
                    break;
                }
            }
            replay.complete(clock.instant());
            log.info("replay {} of {} {} after {} events", replay.name(), archive.name(),
                    replay.state().name().toLowerCase(java.util.Locale.ROOT), sent);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            replay.fail("local-cloud stopped during the replay", clock.instant());
        } catch (RuntimeException e) {
            log.error("replay {} failed", replay.name(), e);
            replay.fail("Replay failed: " + e.getClass().getSimpleName(), clock.instant());
        }
    }
}
