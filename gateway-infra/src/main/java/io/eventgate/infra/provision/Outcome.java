package io.eventgate.infra.provision;

import java.util.Optional;

/**
 * How one resource fared in a run.
 *
 * @param error the AWS error (code and message) or the missing dependency, when not {@link Status#DONE}
 */
public record Outcome(String kind, String name, Change change, Status status, Optional<String> error) {

    public enum Status {
        /** Planned, or changed as planned. */
        DONE,
        /** The AWS API refused, or the resource does not work after apply; the message says why. Re-running continues from here. */
        FAILED,
        /** Not attempted because a resource it depends on failed. */
        SKIPPED
    }

    public String address() {
        return kind + " " + name;
    }
}
