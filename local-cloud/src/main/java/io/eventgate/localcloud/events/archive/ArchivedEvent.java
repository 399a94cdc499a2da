package io.eventgate.localcloud.events.archive;

import java.time.Instant;

/**
 * One event kept by an archive, with the time the bus received it (what replay windows select on).
 *
 * @param seq its position in the archive, also its key in the data directory
 */
record ArchivedEvent(long seq, Instant receivedAt, String eventJson) {

    long sizeBytes() {
        return eventJson.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
