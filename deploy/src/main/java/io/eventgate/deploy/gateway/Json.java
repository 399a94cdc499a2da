package io.eventgate.deploy.gateway;

import io.eventgate.deploy.topology.Sentinels;
import io.eventgate.infra.aws.JsonDocs;
import java.util.Map;

/** JSON documents of the description (patterns, policies, schemas) as the maps CloudFormation properties take. */
final class Json {

    private Json() {
    }

    /** The document as maps and lists, with the stand-in account and region replaced by the stack's. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> tree(String json) {
        return (Map<String, Object>) Sentinels.resolveTree(JsonDocs.mapper().readValue(json, Map.class));
    }
}
