package io.eventgate.carrier.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Compares a presented key with the configured one in constant time. Both sides are hashed first so that neither
 * the content nor the length of the secret shows in the timing.
 */
final class ApiKeyCheck {

    private final byte[] expectedDigest;

    ApiKeyCheck(String expected) {
        this.expectedDigest = sha256(expected);
    }

    boolean matches(String presented) {
        // a missing header is hashed like any other value, so it costs the same as a wrong one
        boolean equal = MessageDigest.isEqual(expectedDigest, sha256(presented == null ? "" : presented));
        return presented != null && equal;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
