package io.eventgate.orders.tracking;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The steps of an order a client has been told about. Travels as the SSE event id ({@code placed,sent,shipped}), so
 * a reconnecting client's {@code Last-Event-ID} says exactly what it has — whichever instance it reconnects to, and
 * whatever order the steps arrived in (a late {@code sent} after {@code shipped} is still sent, once).
 */
public final class Progress {

    private static final int MAX_TEXT = 64;

    private final Set<Step> steps;

    private Progress(Set<Step> steps) {
        this.steps = steps.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(steps);
    }

    static Progress of(Set<Step> steps) {
        return new Progress(steps);
    }

    /**
     * Reads an event id this service handed out.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Progress parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("must be an event id this stream sent (up to " + MAX_TEXT + " characters)");
        }
        EnumSet<Step> steps = EnumSet.noneOf(Step.class);
        for (String token : text.split(",", -1)) {
            Step step = Step.ofWireName(token).orElseThrow(() -> new IllegalArgumentException(
                    "must be an event id this stream sent: a comma-separated list of steps"));
            if (!steps.add(step)) {
                throw new IllegalArgumentException("must be an event id this stream sent: names a step twice");
            }
        }
        return new Progress(steps);
    }

    boolean has(Step step) {
        return steps.contains(step);
    }

    Progress with(Step step) {
        EnumSet<Step> more = EnumSet.noneOf(Step.class);
        more.addAll(steps);
        more.add(step);
        return new Progress(more);
    }

    /** The steps of {@code other} this one lacks, in their usual order. */
    List<Step> missing(Progress other) {
        return other.steps.stream().filter(step -> !steps.contains(step)).toList();
    }

    /** The event id. */
    String text() {
        return steps.stream().map(Step::wireName).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Progress p && p.steps.equals(steps);
    }

    @Override
    public int hashCode() {
        return steps.hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
