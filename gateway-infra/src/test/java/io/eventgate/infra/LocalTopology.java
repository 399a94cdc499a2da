package io.eventgate.infra;

import io.eventgate.infra.settings.InfraSettings;
import io.eventgate.infra.settings.SettingsLoader;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The built-in topology pointed at a test's endpoint. */
public final class LocalTopology {

    private LocalTopology() {
    }

    public static InfraSettings settings(URI endpoint, Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.put("aws.endpoint", endpoint.toString());
        return new SettingsLoader(Map.of()).load(Optional.empty(), all);
    }
}
