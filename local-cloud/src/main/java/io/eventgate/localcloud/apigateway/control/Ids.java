package io.eventgate.localcloud.apigateway.control;

import java.security.SecureRandom;

/** Identifiers shaped like AWS's: 10 random lower-case letters and digits; key values 40 mixed-case characters. */
final class Ids {

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String MIXED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String next() {
        return random(LOWER, 10);
    }

    static String apiKeyValue() {
        return random(MIXED, 40);
    }

    private static String random(String alphabet, int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
