package io.eventgate.localcloud.events.apidestination;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header: delay seconds or an HTTP date (RFC 9110 §10.2.3). */
final class RetryAfter {

    private RetryAfter() {
    }

    static Optional<Duration> parse(Optional<String> header, Clock clock) {
        return header.map(String::trim).flatMap(value -> {
            if (value.chars().allMatch(Character::isDigit) && !value.isEmpty() && value.length() < 10) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration delay = Duration.between(clock.instant(), when.toInstant());
                return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }
}
