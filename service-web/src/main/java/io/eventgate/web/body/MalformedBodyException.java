package io.eventgate.web.body;

import java.io.IOException;

/**
 * A JSON body that is not strict UTF-8 (RFC 8259 §8.1): an invalid or overlong byte sequence, an encoded
 * surrogate, a code point above U+10FFFF, or a NUL byte (UTF-16 or UTF-32 text). Lenient decoders turn these into
 * different characters than the client meant, so they are refused (400) instead of stored as something else.
 */
public class MalformedBodyException extends IOException {

    public MalformedBodyException(String message) {
        super(message);
    }
}
