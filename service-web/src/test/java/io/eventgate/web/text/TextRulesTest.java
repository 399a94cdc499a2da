package io.eventgate.web.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Ada Lovelace", "Zoë", "Zoe\u0308", "東京都", "Straße 1", "\uD83D\uDE00 ok", "\uE000",
            "\uDB80\uDC00", " padded ", "a\u200Bb", "O'Brien", "\u200F\u05D0\u05D1"})
    void keepsOrdinaryTextOfAnyScript(String value) {
        assertThat(TextRules.problem(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\u00A0", "\u2007", "\u202F", "\u3000", "\u200B", "\uFEFF",
            " \u200B\u00A0 "})
    void refusesBlankText(String value) {
        assertThat(TextRules.problem(value)).hasValue("must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "a\uDC00b", "\uDBFF", "x\uD83D"})
    void refusesUnpairedSurrogates(String value) {
        assertThat(TextRules.problem(value)).hasValueSatisfying(p -> assertThat(p).contains("unpaired surrogate"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uFFFE", "a\uFFFF", "\uFDD0", "\uFDEF", "\uD83F\uDFFE", "\uDBFF\uDFFF"})
    void refusesNoncharacters(String value) {
        assertThat(TextRules.problem(value)).hasValueSatisfying(p -> assertThat(p).contains("noncharacter"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0007", "line\nbreak", "a\rb", "tab\there", "\u001B[31mred", "a\u007F",
            "a\u0085", "a\u009F", "a\u2028b", "a\u2029b"})
    void refusesControlCharactersAndLineBreaks(String value) {
        assertThat(TextRules.problem(value)).hasValueSatisfying(p -> assertThat(p).contains("control character"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u202Eb", "\u202Aa", "a\u2066b", "a\u2069"})
    void refusesBidirectionalOverrides(String value) {
        assertThat(TextRules.problem(value)).hasValueSatisfying(p -> assertThat(p).contains("bidirectional"));
    }

    @org.junit.jupiter.api.Test
    void namesTheOffendingCodePointButNeverRepeatsTheValue() {
        assertThat(TextRules.problem("secret\u0007value")).hasValue("contains the control character or line break U+0007");
        assertThat(TextRules.problem(null)).isEmpty();
    }
}
