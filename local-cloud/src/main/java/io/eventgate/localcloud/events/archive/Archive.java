package io.eventgate.localcloud.events.archive;

import io.eventgate.localcloud.state.StateStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import software.amazon.event.ruler.Machine;

/**
 * One archive: its settings and the events it keeps, oldest first. An archive without a pattern keeps every event
 * of its bus. Thread-safe. With a data directory, the settings and every kept event are stored there as they change.
 */
final class Archive {

    private static final String PATTERN_RULE = "archive";
    static final String SETTINGS_KEY = "events/archive/";
    static final String EVENTS_KEY = "events/archived/";

    /** An archive's settings as stored. */
    record StoredArchive(String name, String arn, String eventSourceArn, Optional<String> description,
                         Optional<String> eventPattern, int retentionDays, Instant creationTime) {
    }

    /** One kept event as stored. */
    record StoredEvent(Instant receivedAt, String eventJson) {
    }

    private final String name;
    private final String arn;
    private final String eventSourceArn;
    private final Instant creationTime;
    private final Deque<ArchivedEvent> events = new ArrayDeque<>(); // guarded by this, oldest first
    private Optional<String> description;
    private Optional<String> eventPattern;
    private int retentionDays;
    private Machine machine;
    private long nextSeq = 1;
    private final StateStore state;

    Archive(String name, String arn, String eventSourceArn, Optional<String> description,
            Optional<String> eventPattern, int retentionDays, Instant creationTime, StateStore state) {
        this.state = state;
        this.name = name;
        this.arn = arn;
        this.eventSourceArn = eventSourceArn;
        this.creationTime = creationTime;
        this.description = description;
        this.eventPattern = eventPattern;
        this.retentionDays = retentionDays;
        this.machine = machine(eventPattern);
    }

    /**
     * An event-ruler machine holding the pattern.
     *
     * @throws IllegalArgumentException when the pattern is not a valid EventBridge pattern
     */
    static Machine machine(Optional<String> pattern) {
        Machine machine = new Machine();
        if (pattern.isPresent()) {
            try {
                machine.addRule(PATTERN_RULE, pattern.get());
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return machine;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    String eventSourceArn() {
        return eventSourceArn;
    }

    Instant creationTime() {
        return creationTime;
    }

    synchronized Optional<String> description() {
        return description;
    }

    synchronized Optional<String> eventPattern() {
        return eventPattern;
    }

    synchronized int retentionDays() {
        return retentionDays;
    }

    synchronized void update(Optional<String> newDescription, Optional<String> newPattern, Optional<Integer> days) {
        if (newPattern.isPresent()) {
            machine = machine(newPattern);
            eventPattern = newPattern;
        }
        newDescription.ifPresent(d -> description = Optional.of(d));
        days.ifPresent(d -> retentionDays = d);
        store();
    }

    /** Stores the settings (at creation and after each change). */
    synchronized void store() {
        state.put(SETTINGS_KEY + name, new StoredArchive(name, arn, eventSourceArn, description, eventPattern,
                retentionDays, creationTime));
    }

    /** Forgets the stored settings and events (the archive is deleted). */
    synchronized void forget() {
        state.delete(SETTINGS_KEY + name);
        events.forEach(e -> state.delete(eventKey(e.seq())));
        events.clear();
    }

    /** Adds an event read back from the data directory. */
    synchronized void restore(long seq, Instant receivedAt, String eventJson) {
        events.addLast(new ArchivedEvent(seq, receivedAt, eventJson));
        nextSeq = Math.max(nextSeq, seq + 1);
    }

    private String eventKey(long seq) {
        return EVENTS_KEY + name + "/" + "%016d".formatted(seq);
    }

    static long seqOf(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf('/') + 1));
    }

    /** Keeps the event if the archive's pattern matches it. */
    synchronized void offer(String eventJson, Instant receivedAt) {
        if (eventPattern.isPresent()) {
            try {
                if (machine.rulesForJSONEvent(eventJson).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                return; // not a JSON event: nothing a pattern could match
            }
        }
        long seq = nextSeq++;
        events.addLast(new ArchivedEvent(seq, receivedAt, eventJson));
        state.put(eventKey(seq), new StoredEvent(receivedAt, eventJson));
        expire(receivedAt);
    }

    /** Drops events older than the retention period (0 days keeps them forever). */
    synchronized void expire(Instant now) {
        if (retentionDays > 0) {
            Instant oldest = now.minus(Duration.ofDays(retentionDays));
            while (!events.isEmpty() && events.peekFirst().receivedAt().isBefore(oldest)) {
                state.delete(eventKey(events.removeFirst().seq()));
            }
        }
    }

    /** The events received in {@code [start, end]}, oldest first. */
    synchronized List<ArchivedEvent> between(Instant start, Instant end) {
        return events.stream()
                .filter(e -> !e.receivedAt().isBefore(start) && !e.receivedAt().isAfter(end))
                .toList();
    }

    synchronized long eventCount() {
        return events.size();
    }

    synchronized long sizeBytes() {
        return events.stream().mapToLong(ArchivedEvent::sizeBytes).sum();
    }
}
