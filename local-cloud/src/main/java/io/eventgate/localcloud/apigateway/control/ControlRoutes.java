package io.eventgate.localcloud.apigateway.control;

import io.eventgate.localcloud.edge.EdgeResponse;
import io.eventgate.localcloud.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The control plane's routing table: HTTP method + path template → operation. */
final class ControlRoutes {

    @FunctionalInterface
    interface Handler {
        EdgeResponse handle(Call call);
    }

    record Route(String method, Pattern path, List<String> names, String operation, Handler handler) {
    }

    record Match(Route route, Map<String, String> params) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)(\\*?)}");

    private final List<Route> routes = new ArrayList<>();

    /** Adds a route; {@code {name}} matches one path segment, {@code {name*}} the rest of the path. */
    ControlRoutes add(String method, String template, String operation, Handler handler) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder("^");
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?$");
        routes.add(new Route(method, Pattern.compile(regex.toString()), names, operation, handler));
        return this;
    }

    Optional<Match> match(String method, String path) {
        for (Route route : routes) {
            Matcher m = route.path().matcher(path);
            if (route.method().equals(method) && m.matches()) {
                Map<String, String> params = new LinkedHashMap<>();
                for (int i = 0; i < route.names().size(); i++) {
                    params.put(route.names().get(i), m.group(i + 1));
                }
                return Optional.of(new Match(route, params));
            }
        }
        return Optional.empty();
    }

    static EdgeResponse ok(JsonNode body) {
        return EdgeResponse.of(200, "application/json", Json.bytes(body));
    }

    static EdgeResponse created(JsonNode body) {
        return EdgeResponse.of(201, "application/json", Json.bytes(body));
    }

    static EdgeResponse accepted() {
        return EdgeResponse.of(202, "application/json", new byte[0]);
    }

    static EdgeResponse noContent() {
        return EdgeResponse.of(204, "application/json", new byte[0]);
    }
}
