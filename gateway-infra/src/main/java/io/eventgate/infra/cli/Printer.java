package io.eventgate.infra.cli;

import io.eventgate.infra.provision.Outcome;
import io.eventgate.infra.provision.Report;
import java.io.PrintWriter;

/** Prints a report: one line per resource that changes or failed, its details indented, then the summary. */
final class Printer {

    private Printer() {
    }

    /** @return the exit code the report stands for: 0 when it succeeded, else 1 */
    static int print(Report report, PrintWriter out) {
        for (Outcome outcome : report.outcomes()) {
            boolean quiet = !outcome.change().changes() && outcome.status() == Outcome.Status.DONE;
            if (quiet) {
                continue;
            }
            String status = switch (outcome.status()) {
                case DONE -> "";
                case FAILED -> "  FAILED: " + outcome.error().orElse("");
                case SKIPPED -> "  SKIPPED: " + outcome.error().orElse("");
            };
            // A resource that failed before its change was known gets "!" rather than a misleading "=".
            String sign = outcome.status() != Outcome.Status.DONE && !outcome.change().changes() ? "!"
                    : outcome.change().action().sign();
            out.println(sign + " " + outcome.address() + status);
            outcome.change().details().forEach(detail -> out.println("      " + detail));
        }
        out.println(report.summary());
        return report.succeeded() ? 0 : 1;
    }
}
