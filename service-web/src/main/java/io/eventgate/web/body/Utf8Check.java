package io.eventgate.web.body;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks a byte stream chunk by chunk for strict UTF-8, using the JDK's decoder (which refuses overlong forms,
 * encoded surrogates and code points above U+10FFFF) and refusing NUL bytes as well. A sequence split across two
 * chunks is carried over to the next one.
 */
final class Utf8Check {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer carry = ByteBuffer.allocate(4);
    private long offset;

    void update(byte[] bytes, int from, int length) throws MalformedBodyException {
        for (int i = from; i < from + length; i++) {
            if (bytes[i] == 0) {
                throw new MalformedBodyException("the body is not UTF-8 JSON: NUL byte at offset " + (offset + i - from)
                        + " (UTF-16 or UTF-32 text?)");
            }
        }
        ByteBuffer in = ByteBuffer.allocate(carry.position() + length);
        in.put(carry.flip()).put(bytes, from, length).flip();
        carry.clear();
        decode(in, false);
        carry.put(in);
        offset += length;
    }

    void finish() throws MalformedBodyException {
        ByteBuffer in = carry.flip();
        decode(in, true);
        if (in.hasRemaining()) {
            throw malformed();
        }
    }

    private void decode(ByteBuffer in, boolean endOfInput) throws MalformedBodyException {
        CoderResult result = decoder.decode(in, CharBuffer.allocate(in.remaining() + 1), endOfInput);
        if (result.isError()) {
            throw malformed();
        }
    }

    private MalformedBodyException malformed() {
        return new MalformedBodyException("the body is not valid UTF-8 (invalid, overlong or surrogate byte sequence "
                + "near offset " + offset + ")");
    }
}
