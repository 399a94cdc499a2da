package io.eventgate.localcloud.events.archive;

import io.eventgate.localcloud.events.control.Requests;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The filters {@code ListArchives} and {@code ListReplays} share: a name prefix, the event source (the bus of an
 * archive, the archive of a replay) and a state. An absent filter matches everything.
 */
record ListFilter(Optional<String> namePrefix, Optional<String> eventSourceArn, Optional<String> state) {

    static ListFilter of(JsonNode input) {
        return new ListFilter(Requests.optional(input, "NamePrefix"), Requests.optional(input, "EventSourceArn"),
                Requests.optional(input, "State"));
    }

    boolean matches(String name, String sourceArn, String currentState) {
        return namePrefix.map(name::startsWith).orElse(true)
                && eventSourceArn.map(sourceArn::equals).orElse(true)
                && state.map(currentState::equals).orElse(true);
    }
}
