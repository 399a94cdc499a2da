package io.eventgate.localcloud.apigateway.execute;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgate.localcloud.apigateway.model.ApiResource;
import io.eventgate.localcloud.apigateway.model.RestApi;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceMatcherTest {

    private static ApiResource resource(String id, String path) {
        String part = path.substring(path.lastIndexOf('/') + 1);
        return new ApiResource(id, Optional.of("root"), part, path, Map.of());
    }

    private final ResourceMatcher matcher;

    ResourceMatcherTest() {
        Map<String, ApiResource> resources = new LinkedHashMap<>();
        for (ApiResource r : new ApiResource[] {new ApiResource("root", Optional.empty(), "", "/", Map.of()),
                resource("orders", "/orders"), resource("order", "/orders/{id}"),
                resource("latest", "/orders/latest"), resource("items", "/orders/{id}/items"),
                resource("files", "/files/{path+}")}) {
            resources.put(r.id(), r);
        }
        matcher = new ResourceMatcher(new RestApi("api", "api", null, Instant.EPOCH, "HEADER", "root", Map.of(),
                resources, Map.of(), Map.of()));
    }

    @Test
    void prefersLiteralSegmentsOverParameters() {
        assertThat(matcher.match("/orders/latest").orElseThrow().resource().id()).isEqualTo("latest");
        var order = matcher.match("/orders/o-1").orElseThrow();
        assertThat(order.resource().id()).isEqualTo("order");
        assertThat(order.pathParams()).containsEntry("id", "o-1");
    }

    @Test
    void matchesNestedParametersGreedyPathsAndTheRoot() {
        assertThat(matcher.match("/orders/o-1/items").orElseThrow().pathParams()).containsEntry("id", "o-1");
        assertThat(matcher.match("/files/a/b/c.txt").orElseThrow().pathParams()).containsEntry("path", "a/b/c.txt");
        assertThat(matcher.match("/").orElseThrow().resource().id()).isEqualTo("root");
        assertThat(matcher.match("/orders/").orElseThrow().resource().id()).isEqualTo("orders");
    }

    @Test
    void findsNothingForUnknownPaths() {
        assertThat(matcher.match("/customers")).isEmpty();
        assertThat(matcher.match("/orders/o-1/items/3")).isEmpty();
        assertThat(matcher.match("/files")).isEmpty();
    }
}
