package io.eventgate.localcloud.events.archive;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void runsToCompletion() {
        Replay replay = replay();

        assertThat(replay.run()).isTrue();
        assertThat(replay.replayed(T0)).isTrue();
        replay.complete(T0.plusSeconds(1));

        assertThat(replay.stored().state()).isEqualTo(Replay.State.COMPLETED);
        assertThat(replay.stored().eventLastReplayedTime()).contains(T0);
        assertThat(replay.stored().replayEndTime()).contains(T0.plusSeconds(1));
        assertThat(replay.cancel()).as("a finished replay cannot be cancelled").isFalse();
    }

    @Test
    void stopsAfterTheCurrentEventWhenCancelledWhileRunning() {
        Replay replay = replay();
        replay.run();

        assertThat(replay.cancel()).isTrue();
        assertThat(replay.stored().state()).isEqualTo(Replay.State.CANCELLING);
        assertThat(replay.replayed(T0)).as("the runner stops").isFalse();
        replay.complete(T0.plusSeconds(1));

        assertThat(replay.stored().state()).isEqualTo(Replay.State.CANCELLED);
    }

    @Test
    void neverRunsWhenCancelledBeforeItStarts() {
        Replay replay = replay();

        assertThat(replay.cancel()).isTrue();
        assertThat(replay.run()).isFalse();
        replay.cancelledBeforeStart(T0);

        assertThat(replay.stored().state()).isEqualTo(Replay.State.CANCELLED);
    }

    @Test
    void reportsWhyItFailed() {
        Replay replay = replay();
        replay.run();

        replay.fail("bus gone", T0);

        assertThat(replay.stored().state()).isEqualTo(Replay.State.FAILED);
        assertThat(replay.stored().stateReason()).contains("bus gone");
    }

    private static Replay replay() {
        return new Replay("r", "arn:aws:events:us-east-1:000000000000:replay/r", Optional.empty(),
                "arn:aws:events:us-east-1:000000000000:archive/a", "arn:aws:events:us-east-1:000000000000:event-bus/b",
                List.of(), T0.minusSeconds(60), T0, T0);
    }
}
