package io.eventgate.web.text;

import java.util.Optional;

/**
 * What a string field of our APIs may hold, so that what is stored, published and shown is exactly what the
 * client sent, and every hop (JSON, UTF-8, DynamoDB, SQS, a browser) carries it unchanged:
 *
 * <ul>
 *   <li>no unpaired surrogate ({@code "\ud800"} in JSON): it has no UTF-8 form, so an encoder silently turns it into
 *       {@code ?} and SQS refuses it;</li>
 *   <li>no noncharacter (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two code points of every plane): reserved for
 *       a program's internal use, never for interchange;</li>
 *   <li>no control character (U+0000–U+001F, U+007F–U+009F) and no line or paragraph separator (U+2028, U+2029):
 *       one-line fields, and what a log line or a terminal would interpret;</li>
 *   <li>no bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069): they make text display
 *       differently from what it is;</li>
 *   <li>not blank: at least one character that is neither white space nor an invisible format character such as
 *       U+200B or U+FEFF.</li>
 * </ul>
 *
 * Everything else — letters of any script, combining marks, emoji, private-use characters — is kept exactly as
 * sent: nothing is trimmed or normalised.
 */
public final class TextRules {

    private TextRules() {
    }

    /** Why {@code value} breaks the rules, or empty when it follows them. {@code null} is not checked here. */
    public static Optional<String> problem(String value) {
        if (value == null) {
            return Optional.empty();
        }
        boolean visible = false;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.SURROGATE) {
                return Optional.of("contains an unpaired surrogate " + hex(cp) + ", which has no UTF-8 form");
            }
            if (isNoncharacter(cp)) {
                return Optional.of("contains the noncharacter " + hex(cp));
            }
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return Optional.of("contains the control character or line break " + hex(cp));
            }
            if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
                return Optional.of("contains the bidirectional control " + hex(cp));
            }
            visible |= !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && type != Character.FORMAT;
        }
        return visible ? Optional.empty() : Optional.of("must not be blank");
    }

    static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    private static String hex(int cp) {
        return String.format("U+%04X", cp);
    }
}
