package io.eventgate.web.body;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8CheckTest {

    private static void check(byte[] bytes, int chunk) throws MalformedBodyException {
        Utf8Check check = new Utf8Check();
        for (int i = 0; i < bytes.length; i += chunk) {
            check.update(bytes, i, Math.min(chunk, bytes.length - i));
        }
        check.finish();
    }

    @Test
    void acceptsWellFormedUtf8SplitAnywhere() {
        byte[] text = "{\"name\":\"Zoë 東京 \uD83D\uDE00\"}".getBytes(StandardCharsets.UTF_8);
        for (int chunk = 1; chunk <= text.length; chunk++) {
            int size = chunk;
            assertThatNoException().isThrownBy(() -> check(text, size));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "c0af",         // overlong '/'
            "c181",         // overlong 'A'
            "e080af",       // overlong, three bytes
            "f08080af",     // overlong, four bytes
            "c080",         // overlong NUL
            "eda080",       // encoded surrogate U+D800 (CESU-8)
            "edbfbf",       // encoded surrogate U+DFFF
            "f4908080",     // above U+10FFFF
            "f888808080",   // five-byte form
            "80",           // lone continuation byte
            "e282",         // truncated sequence at the end
            "e9",           // Latin-1 é
            "ff", "fe",
            "00"})          // NUL: UTF-16 / UTF-32 text
    void refusesWhatIsNotStrictUtf8(String hex) {
        byte[] bad = HexFormat.of().parseHex("4142" + hex + "4344");
        byte[] atEnd = HexFormat.of().parseHex("4142" + hex);
        for (byte[] bytes : new byte[][] {bad, atEnd}) {
            for (int chunk : new int[] {1, 2, 3, 64}) {
                assertThatThrownBy(() -> check(bytes, chunk)).isInstanceOf(MalformedBodyException.class);
            }
        }
    }

    @Test
    void saysWhereTheBodyWentWrongWithoutRepeatingIt() {
        assertThatThrownBy(() -> check(HexFormat.of().parseHex("7b2273656372657422c0af"), 4))
                .hasMessageContaining("offset 8").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> check(HexFormat.of().parseHex("7b00"), 64))
                .hasMessageContaining("NUL byte at offset 1");
    }
}
