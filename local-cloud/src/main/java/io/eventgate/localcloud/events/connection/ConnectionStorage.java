package io.eventgate.localcloud.events.connection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import io.eventgate.localcloud.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a connection is written to the data directory, secrets included (the state files are readable by their owner
 * only). Only this class's own mapper can write a {@link Secret}'s value: the shared mapper, which renders responses,
 * has no way to.
 */
final class ConnectionStorage {

    private static final JsonMapper MAPPER = Json.MAPPER.rebuild()
            .addMixIn(Secret.class, StoredSecret.class)
            .addMixIn(ConnectionAuth.class, StoredAuth.class)
            .build();

    private ConnectionStorage() {
    }

    static JsonNode write(Connection connection) {
        return MAPPER.valueToTree(connection);
    }

    static Connection read(JsonNode stored) {
        return MAPPER.treeToValue(stored, Connection.class);
    }

    abstract static class StoredSecret {
        @JsonCreator
        StoredSecret(String value) {
        }

        @JsonValue
        abstract String reveal();
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "authorizationType")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = ConnectionAuth.ApiKey.class, name = "API_KEY"),
            @JsonSubTypes.Type(value = ConnectionAuth.Basic.class, name = "BASIC"),
            @JsonSubTypes.Type(value = ConnectionAuth.OAuthClientCredentials.class, name = "OAUTH_CLIENT_CREDENTIALS")})
    interface StoredAuth {
    }
}
