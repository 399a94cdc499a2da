package io.eventgate.localcloud.events.archive;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One replay and where it stands. State changes go through the methods below, which refuse impossible transitions
 * (a replay is cancelled only while it is starting or running). Thread-safe.
 */
final class Replay {

    enum State { STARTING, RUNNING, CANCELLING, COMPLETED, CANCELLED, FAILED }

    private final String name;
    private final String arn;
    private final Optional<String> description;
    private final String archiveArn;
    private final String destinationArn;
    private final List<String> filterArns;
    private final Instant eventStartTime;
    private final Instant eventEndTime;
    private final Instant replayStartTime;
    private State state = State.STARTING;
    private Optional<String> stateReason = Optional.empty();
    private Optional<Instant> eventLastReplayedTime = Optional.empty();
    private Optional<Instant> replayEndTime = Optional.empty();

    Replay(String name, String arn, Optional<String> description, String archiveArn, String destinationArn,
           List<String> filterArns, Instant eventStartTime, Instant eventEndTime, Instant replayStartTime) {
        this.name = name;
        this.arn = arn;
        this.description = description;
        this.archiveArn = archiveArn;
        this.destinationArn = destinationArn;
        this.filterArns = List.copyOf(filterArns);
        this.eventStartTime = eventStartTime;
        this.eventEndTime = eventEndTime;
        this.replayStartTime = replayStartTime;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    Optional<String> description() {
        return description;
    }

    String archiveArn() {
        return archiveArn;
    }

    String destinationArn() {
        return destinationArn;
    }

    List<String> filterArns() {
        return filterArns;
    }

    Instant eventStartTime() {
        return eventStartTime;
    }

    Instant eventEndTime() {
        return eventEndTime;
    }

    Instant replayStartTime() {
        return replayStartTime;
    }

    synchronized State state() {
        return state;
    }

    synchronized Optional<String> stateReason() {
        return stateReason;
    }

    synchronized Optional<Instant> eventLastReplayedTime() {
        return eventLastReplayedTime;
    }

    synchronized Optional<Instant> replayEndTime() {
        return replayEndTime;
    }

    /** STARTING → RUNNING; false when it was cancelled before it began. */
    synchronized boolean run() {
        if (state != State.STARTING) {
            return false;
        }
        state = State.RUNNING;
        return true;
    }

    /** Whether the runner should go on (not cancelled meanwhile). */
    synchronized boolean replayed(Instant eventTime) {
        eventLastReplayedTime = Optional.of(eventTime);
        return state == State.RUNNING;
    }

    synchronized void complete(Instant now) {
        finish(state == State.CANCELLING ? State.CANCELLED : State.COMPLETED, Optional.empty(), now);
    }

    synchronized void fail(String reason, Instant now) {
        finish(State.FAILED, Optional.of(reason), now);
    }

    /** @return false when the replay is not starting or running */
    synchronized boolean cancel() {
        if (state != State.STARTING && state != State.RUNNING) {
            return false;
        }
        state = State.CANCELLING;
        return true;
    }

    /** A cancel that came before the runner began: it never will. */
    synchronized void cancelledBeforeStart(Instant now) {
        if (state == State.CANCELLING) {
            finish(State.CANCELLED, Optional.empty(), now);
        }
    }

    private void finish(State end, Optional<String> reason, Instant now) {
        state = end;
        stateReason = reason;
        replayEndTime = Optional.of(now);
    }
}
