package io.eventgate.web.body;

import java.io.IOException;

/** A JSON body declared in a charset other than UTF-8 (JSON has no other; RFC 8259 §8.1): answered 415. */
public class UnsupportedBodyCharsetException extends IOException {

    public UnsupportedBodyCharsetException(String charset) {
        super("JSON bodies must be UTF-8, not " + charset);
    }
}
