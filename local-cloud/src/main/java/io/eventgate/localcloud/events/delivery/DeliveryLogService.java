package io.eventgate.localcloud.events.delivery;

import io.eventgate.localcloud.edge.EdgeRequest;
import io.eventgate.localcloud.edge.EdgeResponse;
import io.eventgate.localcloud.edge.EdgeService;
import io.eventgate.localcloud.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * local-cloud's own endpoints for the delivery log, on the edge port:
 * <ul>
 *   <li>{@code GET /_localcloud/deliveries?eventId=&rule=&target=&limit=} — the attempts kept that match every
 *       criterion given (rule: ARN or name; target: id or ARN), oldest first, at most {@code limit} (100, up to
 *       1000), as JSON;</li>
 *   <li>{@code GET /_localcloud/metrics} — the attempts counted by rule, target and outcome, in Prometheus' text
 *       format.</li>
 * </ul>
 * Anything else under these paths, or a criterion that is not plain text, is a 400 with {@code {"message": ...}}.
 */
public final class DeliveryLogService implements EdgeService {

    public static final String DELIVERIES_PATH = "/_localcloud/deliveries";
    public static final String METRICS_PATH = "/_localcloud/metrics";
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    /** Ids, names and ARNs: what the criteria can be. */
    private static final Pattern CRITERION = Pattern.compile("[A-Za-z0-9._:/@+=,-]{1,512}");

    private final DeliveryLog log;

    public DeliveryLogService(DeliveryLog log) {
        this.log = log;
    }

    @Override
    public String name() {
        return "localcloud";
    }

    @Override
    public boolean accepts(EdgeRequest request) {
        return request.path().equals(DELIVERIES_PATH) || request.path().equals(METRICS_PATH);
    }

    @Override
    public EdgeResponse handle(EdgeRequest request) {
        if (!request.method().equals("GET")) {
            return problem(405, request.method() + " is not allowed here; use GET");
        }
        if (request.path().equals(METRICS_PATH)) {
            return EdgeResponse.of(200, "text/plain; version=0.0.4; charset=utf-8", log.metrics());
        }
        Map<String, List<String>> query = request.queryParameters();
        for (String name : query.keySet()) {
            if (!List.of("eventId", "rule", "target", "limit").contains(name)) {
                return problem(400, "unknown parameter '" + name + "'; the parameters are eventId, rule, target, limit");
            }
        }
        int limit;
        Optional<String> eventId;
        Optional<String> rule;
        Optional<String> target;
        try {
            limit = limit(single(query, "limit"));
            eventId = criterion(query, "eventId");
            rule = criterion(query, "rule");
            target = criterion(query, "target");
        } catch (IllegalArgumentException e) {
            return problem(400, e.getMessage());
        }
        ObjectNode body = Json.object();
        ArrayNode deliveries = body.putArray("deliveries");
        for (DeliveryLog.Entry entry : log.find(eventId, rule, target, limit)) {
            ObjectNode item = deliveries.addObject()
                    .put("time", entry.time().toString())
                    .put("rule", entry.ruleArn())
                    .put("target", entry.targetId())
                    .put("targetArn", entry.targetArn())
                    .put("eventId", entry.eventId())
                    .put("attempt", entry.attempt())
                    .put("outcome", entry.outcome().label())
                    .put("latencyMs", entry.latencyMillis());
            entry.status().ifPresent(status -> item.put("status", status));
            entry.errorCode().ifPresent(code -> item.put("errorCode", code));
            entry.error().ifPresent(error -> item.put("error", error));
        }
        return EdgeResponse.of(200, "application/json", Json.bytes(body));
    }

    private static int limit(Optional<String> text) {
        try {
            int limit = text.map(Integer::parseInt).orElse(DEFAULT_LIMIT);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new IllegalArgumentException("limit must be a number from 1 to " + MAX_LIMIT);
    }

    private static Optional<String> criterion(Map<String, List<String>> query, String name) {
        Optional<String> value = single(query, name);
        if (value.isPresent() && !CRITERION.matcher(value.get()).matches()) {
            throw new IllegalArgumentException(name + " must be an id, a name or an ARN (letters, digits and "
                    + "._:/@+=,-), at most 512 characters");
        }
        return value;
    }

    private static Optional<String> single(Map<String, List<String>> query, String name) {
        List<String> values = query.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new IllegalArgumentException(name + " may be given once");
        }
        return values.stream().findFirst();
    }

    private static EdgeResponse problem(int status, String message) {
        return EdgeResponse.of(status, "application/json", Json.bytes(Json.object().put("message", message)));
    }
}
