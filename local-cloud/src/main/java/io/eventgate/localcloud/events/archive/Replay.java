package io.eventgate.localcloud.events.archive;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One replay and where it stands. State changes go through the methods below, which refuse impossible transitions
 * (a replay is cancelled only while it is starting or running). Thread-safe. Every change is reported to a listener
 * while the replay's lock is held (so a data directory receives the changes in the order they happened).
 */
final class Replay {

    enum State { STARTING, RUNNING, CANCELLING, COMPLETED, CANCELLED, FAILED }

    /** How often (in events) the progress of a running replay is reported. */
    private static final int PROGRESS_EVERY = 100;

    /** A replay as stored. */
    record Stored(String name, String arn, Optional<String> description, String archiveArn, String destinationArn,
                  List<String> filterArns, Instant eventStartTime, Instant eventEndTime, Instant replayStartTime,
                  State state, Optional<String> stateReason, Optional<Instant> eventLastReplayedTime,
                  Optional<Instant> replayEndTime) {
    }

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
    private Runnable changed = () -> { };
    private int sinceReported;

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

    /** A replay read back from the data directory, where it left off. */
    static Replay restore(Stored stored) {
        Replay replay = new Replay(stored.name(), stored.arn(), stored.description(), stored.archiveArn(),
                stored.destinationArn(), stored.filterArns(), stored.eventStartTime(), stored.eventEndTime(),
                stored.replayStartTime());
        replay.state = stored.state();
        replay.stateReason = stored.stateReason();
        replay.eventLastReplayedTime = stored.eventLastReplayedTime();
        replay.replayEndTime = stored.replayEndTime();
        return replay;
    }

    /** The replay as stored: one consistent view of it, which describe and list answer from too. */
    synchronized Stored stored() {
        return new Stored(name, arn, description, archiveArn, destinationArn, filterArns, eventStartTime,
                eventEndTime, replayStartTime, state, stateReason, eventLastReplayedTime, replayEndTime);
    }

    /** Calls the listener after every change (and once now). */
    synchronized void onChange(Runnable listener) {
        changed = listener;
        listener.run();
    }

    /**
     * After a restart: whether the replay was still under way, and so must run again from where it got to
     * (a cancel that had not finished is finished now).
     */
    synchronized boolean resumeAfterRestart(Instant now) {
        if (state == State.CANCELLING) {
            finish(State.CANCELLED, Optional.empty(), now);
            return false;
        }
        if (state == State.STARTING || state == State.RUNNING) {
            state = State.STARTING;
            changed.run();
            return true;
        }
        return false;
    }

    /** The start of the events still to send: the window's start, or the last event sent before a restart. */
    synchronized Instant resumeFrom() {
        return eventLastReplayedTime.orElse(eventStartTime);
    }

    /** The replay's name: its key among the replays. */
    String name() {
        return name;
    }

    synchronized State state() {
        return state;
    }

    /** STARTING → RUNNING; false when it was cancelled before it began. */
    synchronized boolean run() {
        if (state != State.STARTING) {
            return false;
        }
        state = State.RUNNING;
        changed.run();
        return true;
    }

    /** Whether the runner should go on (not cancelled meanwhile). */
    synchronized boolean replayed(Instant eventTime) {
        eventLastReplayedTime = Optional.of(eventTime);
        if (++sinceReported >= PROGRESS_EVERY) {
            sinceReported = 0;
            changed.run();
        }
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
        changed.run();
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
        changed.run();
    }
}
