package io.eventgate.localcloud.apigateway.control;

import static io.eventgate.localcloud.apigateway.control.ControlRoutes.noContent;
import static io.eventgate.localcloud.apigateway.control.ControlRoutes.ok;

import io.eventgate.localcloud.apigateway.model.ApiKey;
import io.eventgate.localcloud.apigateway.model.Stage;
import io.eventgate.localcloud.edge.EdgeResponse;
import io.eventgate.localcloud.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tags on REST APIs, stages, API keys and usage plans, addressed by ARN. */
final class TagOperations {

    private static final Pattern ARN = Pattern.compile(
            "arn:aws[a-z-]*:apigateway:[a-z0-9-]+::/(restapis/([^/]+)(/stages/([^/]+))?|apikeys/([^/]+)|usageplans/([^/]+))");

    private final RestApiStore apis;
    private final KeyStore keys;

    TagOperations(RestApiStore apis, KeyStore keys) {
        this.apis = apis;
        this.keys = keys;
    }

    void register(ControlRoutes routes) {
        routes.add("PUT", "/tags/{arn*}", "TagResource", c -> {
            Map<String, String> added = c.body().stringMap("tags");
            change(c.param("arn"), tags -> {
                Map<String, String> merged = new LinkedHashMap<>(tags);
                merged.putAll(added);
                return merged;
            });
            return noContent();
        }).add("GET", "/tags/{arn*}", "GetTags", c -> {
            var body = Json.object();
            var tags = body.putObject("tags");
            change(c.param("arn"), UnaryOperator.identity()).forEach(tags::put);
            return ok(body);
        }).add("DELETE", "/tags/{arn*}", "UntagResource", c -> {
            List<String> removed = c.queryAll("tagKeys");
            change(c.param("arn"), tags -> {
                Map<String, String> kept = new LinkedHashMap<>(tags);
                removed.forEach(kept::remove);
                return kept;
            });
            return noContent();
        });
    }

    /** Applies a change to the tags of the resource an ARN names and returns its tags afterwards. */
    private Map<String, String> change(String arn, UnaryOperator<Map<String, String>> change) {
        Matcher m = ARN.matcher(arn);
        if (!m.matches()) {
            throw ControlErrors.badRequest("Invalid ARN specified in the request: " + arn);
        }
        if (m.group(4) != null) {
            Stage stage = apis.updateStage(m.group(2), m.group(4), s -> new Stage(s.stageName(), s.deploymentId(),
                    s.description(), s.variables(), change.apply(s.tags()), s.createdDate(), s.lastUpdatedDate()));
            return stage.tags();
        }
        if (m.group(2) != null) {
            return apis.update(m.group(2), api -> api.withTags(change.apply(api.tags()))).tags();
        }
        if (m.group(5) != null) {
            ApiKey key = keys.updateKey(m.group(5), k -> new ApiKey(k.id(), k.name(), k.description(), k.value(),
                    k.enabled(), k.customerId(), k.stageKeys(), change.apply(k.tags()), k.createdDate(),
                    k.lastUpdatedDate()));
            return key.tags();
        }
        return keys.updatePlan(m.group(6), p -> p.withTags(change.apply(p.tags()))).tags();
    }
}
