package io.eventgate.infra.trace;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Prints a journey: one line per hop with its time and the time since the hop before, then the verdict. */
final class JourneyReport {

    private JourneyReport() {
    }

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Milliseconds, always: the hops' clocks keep different precisions. */
    static String time(Instant at) {
        return TIME.format(at);
    }

    static void print(Journey journey, PrintWriter out) {
        out.printf("order %s: %s%s%n", journey.orderId(), journey.status(),
                journey.traceId().map(id -> " — trace " + id).orElse(" — no trace id (placed outside any trace)"));
        Optional<Instant> previous = Optional.empty();
        Instant first = null;
        Instant last = null;
        for (Hop hop : journey.hops()) {
            String mark = switch (hop.state()) {
                case DONE -> "  ";
                case WAITING -> "… ";
                case STUCK -> "✗ ";
            };
            String when = hop.at().map(JourneyReport::time).orElse(hop.state() == Hop.State.STUCK ? "STUCK" : "waiting");
            Optional<Instant> prior = previous;
            // A hop can start before the previous one's mark is written (the bus delivers while the relay is still
            // marking the record published): that shows as a negative delta, not as "+-3 ms".
            String delta = hop.at().flatMap(at -> prior.map(p -> Duration.between(p, at)))
                    .map(d -> (d.isNegative() ? "-" : "+") + Journey.seconds(d.abs()))
                    .orElse("");
            out.printf("%s%-46s %-24s %-9s %s%n", mark, hop.name(), when, delta, hop.detail()).flush();
            if (hop.at().isPresent()) {
                previous = hop.at();
                first = first == null ? hop.at().get() : first;
                last = hop.at().get();
            }
        }
        Optional<Hop> open = journey.open();
        if (open.isEmpty()) {
            out.printf("every hop done, %s from placement to the last one%n",
                    Journey.seconds(Duration.between(first, last)));
        } else if (open.get().state() == Hop.State.STUCK) {
            out.printf("STUCK at \"%s\": %s%n", open.get().name(), open.get().detail());
        } else {
            out.printf("in progress: waiting for \"%s\" (%s)%n", open.get().name(), open.get().detail());
        }
        out.flush();
    }
}
