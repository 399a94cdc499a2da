package io.eventgate.carrier.shipment;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/** Issues tracking numbers such as {@code EGC7K2QX9M4TB8P}: unguessable, so they can double as a lookup secret. */
@Component
class TrackingNumbers {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int LENGTH = 12;

    private final SecureRandom random = new SecureRandom();

    String next() {
        StringBuilder number = new StringBuilder("EGC");
        for (int i = 0; i < LENGTH; i++) {
            number.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return number.toString();
    }
}
