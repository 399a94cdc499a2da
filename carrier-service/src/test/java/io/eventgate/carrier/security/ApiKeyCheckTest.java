package io.eventgate.carrier.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeyCheckTest {

    private final ApiKeyCheck check = new ApiKeyCheck("s3cret-key-0123456789");

    @Test
    void acceptsOnlyTheExactKey() {
        assertThat(check.matches("s3cret-key-0123456789")).isTrue();
        assertThat(check.matches(null)).isFalse();
        assertThat(check.matches("")).isFalse();
        assertThat(check.matches("s3cret-key-012345678")).isFalse();
        assertThat(check.matches("s3cret-key-0123456789 ")).isFalse();
        assertThat(check.matches("S3CRET-KEY-0123456789")).isFalse();
    }
}
