package io.eventgate.localcloud.events.archive;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void keepsOnlyEventsMatchingItsPattern() {
        Archive archive = archive(Optional.of("{\"source\":[\"shop\"]}"), 0);

        archive.offer("{\"source\":\"shop\",\"detail\":{}}", T0);
        archive.offer("{\"source\":\"elsewhere\",\"detail\":{}}", T0);

        assertThat(archive.eventCount()).isEqualTo(1);
    }

    @Test
    void dropsEventsOlderThanItsRetention() {
        Archive archive = archive(Optional.empty(), 1);
        archive.offer("{\"n\":1}", T0);
        archive.offer("{\"n\":2}", T0.plus(Duration.ofHours(20)));

        archive.expire(T0.plus(Duration.ofHours(30)));

        assertThat(archive.between(T0, T0.plus(Duration.ofDays(2))))
                .extracting(ArchivedEvent::eventJson).containsExactly("{\"n\":2}");
    }

    @Test
    void keepsEventsForeverWithZeroRetention() {
        Archive archive = archive(Optional.empty(), 0);
        archive.offer("{\"n\":1}", T0);

        archive.expire(T0.plus(Duration.ofDays(3650)));

        assertThat(archive.eventCount()).isEqualTo(1);
    }

    @Test
    void selectsTheWindowInclusively() {
        Archive archive = archive(Optional.empty(), 0);
        for (int second = 0; second < 5; second++) {
            archive.offer("{\"n\":" + second + "}", T0.plusSeconds(second));
        }

        assertThat(archive.between(T0.plusSeconds(1), T0.plusSeconds(3))).extracting(ArchivedEvent::eventJson)
                .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    }

    private static Archive archive(Optional<String> pattern, int retentionDays) {
        return new Archive("a", "arn:aws:events:us-east-1:000000000000:archive/a",
                "arn:aws:events:us-east-1:000000000000:event-bus/b", Optional.empty(), pattern, retentionDays, T0,
                io.eventgate.localcloud.state.StateStore.inMemory());
    }
}
