package io.eventgate.infra.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyCheckTest {

    private static final String KEY = "a-high-entropy-key-0123456789abcdef";

    @Test
    void provesTheKeyItWasMadeFor() {
        String description = "eventgate: carrier-service API key; " + KeyCheck.of(KEY);

        assertThat(KeyCheck.matches(description, KEY)).contains(true);
        assertThat(KeyCheck.matches(description, KEY + "x")).contains(false);
    }

    @Test
    void revealsNeitherTheKeyNorTheSameVerifierTwice() {
        String first = KeyCheck.of(KEY);
        String second = KeyCheck.of(KEY);

        assertThat(first).doesNotContain(KEY).isNotEqualTo(second);
    }

    @Test
    void saysWhenADescriptionHoldsNoVerifier() {
        assertThat(KeyCheck.matches("created by hand", KEY)).isEmpty();
        assertThat(KeyCheck.matches(null, KEY)).isEmpty();
    }
}
