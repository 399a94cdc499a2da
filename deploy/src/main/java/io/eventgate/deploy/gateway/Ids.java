package io.eventgate.deploy.gateway;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Construct ids from the description's names: {@code orders-inbox-dlq} becomes {@code OrdersInboxDlq}. */
final class Ids {

    private Ids() {
    }

    static String of(String name) {
        return Arrays.stream(name.split("[^A-Za-z0-9]+"))
                .filter(part -> !part.isEmpty())
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
    }
}
