package io.eventgate.localcloud.apigateway.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The model's records are immutable: a change to one of their maps is a new map with one entry more or fewer. */
final class Maps {

    private Maps() {
    }

    static <V> Map<String, V> with(Map<String, V> map, String key, V value) {
        Map<String, V> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    static <V> Map<String, V> without(Map<String, V> map, Collection<String> keys) {
        Map<String, V> copy = new HashMap<>(map);
        keys.forEach(copy::remove);
        return copy;
    }
}
