package io.eventgate.orders.table;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as fixed-width UTC text ({@code 2026-11-23T10:00:00.000000Z}). {@link Instant#toString()} drops zero
 * fractions, which breaks lexical order ({@code ...:00Z} sorts after {@code ...:00.5Z}); index sort keys need
 * text that sorts like time.
 */
public final class Timestamps {

    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : FIXED.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    public static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
