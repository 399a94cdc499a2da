package io.eventgate.infra.events;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted, slow verifier of the connection's API key, kept in the connection's description.
 *
 * <p>EventBridge never returns a connection's secret, so without this {@code apply} could not tell whether the key
 * it holds is the one the connection has: it would either rewrite the secret every time (never "no changes") or never
 * (a rotated key would not reach the connection). The verifier is PBKDF2-HMAC-SHA256 with a random salt, like a
 * stored password hash: it proves a candidate, it does not reveal the key.
 */
final class KeyCheck {

    private static final String PREFIX = "key-check pbkdf2-sha256:";
    private static final Pattern FORMAT = Pattern.compile(
            Pattern.quote(PREFIX) + "(\\d+):([A-Za-z0-9_-]+):([A-Za-z0-9_-]+)");
    private static final int ITERATIONS = 120_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyCheck() {
    }

    /** A new verifier for the key, with a fresh salt. */
    static String of(String key) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return PREFIX + ITERATIONS + ":" + b64.encodeToString(salt) + ":"
                + b64.encodeToString(derive(key, salt, ITERATIONS));
    }

    /** Whether the description holds a verifier that the key matches; empty when it holds none. */
    static Optional<Boolean> matches(String description, String key) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(description);
        if (!m.find()) {
            return Optional.empty();
        }
        Base64.Decoder b64 = Base64.getUrlDecoder();
        byte[] expected = b64.decode(m.group(3));
        byte[] actual = derive(key, b64.decode(m.group(2)), Integer.parseInt(m.group(1)));
        return Optional.of(MessageDigest.isEqual(expected, actual));
    }

    private static byte[] derive(String key, byte[] salt, int iterations) {
        try {
            var spec = new PBEKeySpec(key.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }
}
