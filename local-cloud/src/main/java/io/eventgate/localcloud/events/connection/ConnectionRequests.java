package io.eventgate.localcloud.events.connection;

import io.eventgate.localcloud.edge.AwsException;
import io.eventgate.localcloud.events.control.Requests;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads and validates the {@code AuthParameters} of CreateConnection and UpdateConnection. */
final class ConnectionRequests {

    private static final Set<String> OAUTH_METHODS = Set.of("GET", "POST", "PUT");
    private static final int MAX_PARAMETERS = 100;

    private ConnectionRequests() {
    }

    /** The authorization of a new connection: the block matching {@code AuthorizationType} is required. */
    static ConnectionAuth newAuth(String type, JsonNode auth) {
        return switch (type) {
            case "API_KEY" -> apiKey(required(auth, "ApiKeyAuthParameters"), Optional.empty());
            case "BASIC" -> basic(required(auth, "BasicAuthParameters"), Optional.empty());
            case "OAUTH_CLIENT_CREDENTIALS" -> oauth(required(auth, "OAuthParameters"), Optional.empty());
            default -> throw AwsException.validation("1 validation error detected: Value '" + type
                    + "' at 'authorizationType' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[BASIC, OAUTH_CLIENT_CREDENTIALS, API_KEY]");
        };
    }

    /**
     * The authorization after an update: fields not sent keep their value when the type stays the same; a new type
     * needs its whole block.
     */
    static ConnectionAuth updatedAuth(ConnectionAuth current, String type, JsonNode auth) {
        if (!current.type().equals(type)) {
            return newAuth(type, auth);
        }
        return switch (current) {
            case ConnectionAuth.ApiKey key -> block(auth, "ApiKeyAuthParameters")
                    .map(b -> apiKey(b, Optional.of(key))).orElse(key);
            case ConnectionAuth.Basic basic -> block(auth, "BasicAuthParameters")
                    .map(b -> basic(b, Optional.of(basic))).orElse(basic);
            case ConnectionAuth.OAuthClientCredentials oauth -> block(auth, "OAuthParameters")
                    .map(b -> oauth(b, Optional.of(oauth))).orElse(oauth);
        };
    }

    /**
     * Whether an update hands the connection its credentials again (the block of its type with the secret in it):
     * what re-authorizes a connection after EventBridge removed its secret.
     */
    static boolean carriesCredentials(String type, JsonNode auth) {
        return switch (type) {
            case "API_KEY" -> block(auth, "ApiKeyAuthParameters").map(b -> b.has("ApiKeyValue")).orElse(false);
            case "BASIC" -> block(auth, "BasicAuthParameters").map(b -> b.has("Password")).orElse(false);
            case "OAUTH_CLIENT_CREDENTIALS" -> block(auth, "OAuthParameters").flatMap(b -> block(b, "ClientParameters"))
                    .map(b -> b.has("ClientSecret")).orElse(false);
            default -> false;
        };
    }

    static InvocationParameters invocationParameters(JsonNode auth, InvocationParameters current) {
        return block(auth, "InvocationHttpParameters").map(ConnectionRequests::parameters).orElse(current);
    }

    private static ConnectionAuth.ApiKey apiKey(JsonNode block, Optional<ConnectionAuth.ApiKey> current) {
        String name = headerSafe(block, "ApiKeyName", current.map(ConnectionAuth.ApiKey::name));
        Secret value = secret(block, "ApiKeyValue", current.map(ConnectionAuth.ApiKey::value));
        return new ConnectionAuth.ApiKey(name, value);
    }

    private static ConnectionAuth.Basic basic(JsonNode block, Optional<ConnectionAuth.Basic> current) {
        String username = headerSafe(block, "Username", current.map(ConnectionAuth.Basic::username));
        if (username.contains(":")) {
            throw AwsException.validation("Username must not contain ':'");
        }
        Secret password = secret(block, "Password", current.map(ConnectionAuth.Basic::password));
        return new ConnectionAuth.Basic(username, password);
    }

    private static ConnectionAuth.OAuthClientCredentials oauth(
            JsonNode block, Optional<ConnectionAuth.OAuthClientCredentials> current) {
        Optional<JsonNode> client = block(block, "ClientParameters");
        if (client.isEmpty() && current.isEmpty()) {
            throw AwsException.validation("OAuthParameters.ClientParameters is required");
        }
        JsonNode clientBlock = client.orElse(io.eventgate.localcloud.json.Json.object());
        String clientId = headerSafe(clientBlock, "ClientID",
                current.map(ConnectionAuth.OAuthClientCredentials::clientId));
        Secret clientSecret = secret(clientBlock, "ClientSecret",
                current.map(ConnectionAuth.OAuthClientCredentials::clientSecret));
        URI endpoint = Requests.optional(block, "AuthorizationEndpoint").map(ConnectionRequests::endpoint)
                .or(() -> current.map(ConnectionAuth.OAuthClientCredentials::authorizationEndpoint))
                .orElseThrow(() -> AwsException.validation("OAuthParameters.AuthorizationEndpoint is required"));
        String method = Requests.optional(block, "HttpMethod")
                .or(() -> current.map(ConnectionAuth.OAuthClientCredentials::httpMethod))
                .orElseThrow(() -> AwsException.validation("OAuthParameters.HttpMethod is required"));
        if (!OAUTH_METHODS.contains(method)) {
            throw AwsException.validation("OAuthParameters.HttpMethod must be one of GET, POST, PUT");
        }
        InvocationParameters oauthParameters = block(block, "OAuthHttpParameters")
                .map(ConnectionRequests::parameters)
                .orElse(current.map(ConnectionAuth.OAuthClientCredentials::oauthParameters)
                        .orElse(InvocationParameters.NONE));
        return new ConnectionAuth.OAuthClientCredentials(endpoint, method, clientId, clientSecret, oauthParameters);
    }

    private static URI endpoint(String text) {
        try {
            URI uri = URI.create(text);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw AwsException.validation("AuthorizationEndpoint must be an http(s) URL, was " + text);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw AwsException.validation("AuthorizationEndpoint is not a valid URL: " + text);
        }
    }

    private static InvocationParameters parameters(JsonNode block) {
        return new InvocationParameters(list(block, "HeaderParameters"), list(block, "QueryStringParameters"),
                list(block, "BodyParameters"));
    }

    private static List<Parameter> list(JsonNode block, String field) {
        JsonNode array = block.get(field);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray() || array.size() > MAX_PARAMETERS) {
            throw AwsException.validation(field + " must be a list of at most " + MAX_PARAMETERS + " parameters");
        }
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode item : array) {
            String key = Requests.required(item, "Key");
            String value = Requests.optional(item, "Value").orElse("");
            JsonNode secret = item.get("IsValueSecret");
            parameters.add(new Parameter(key, new Secret(value), secret != null && secret.asBoolean(false)));
        }
        return parameters;
    }

    private static JsonNode required(JsonNode auth, String field) {
        return block(auth, field).orElseThrow(() -> AwsException.validation(
                "AuthParameters." + field + " is required for this AuthorizationType"));
    }

    private static Optional<JsonNode> block(JsonNode parent, String field) {
        JsonNode block = parent.get(field);
        if (block == null || block.isNull()) {
            return Optional.empty();
        }
        if (!block.isObject()) {
            throw AwsException.validation(field + " must be an object");
        }
        return Optional.of(block);
    }

    /** A value that goes into an HTTP header: 1-512 printable characters, as AWS's pattern demands. */
    private static String headerSafe(JsonNode block, String field, Optional<String> current) {
        String value = Requests.optional(block, field).or(() -> current)
                .orElseThrow(() -> AwsException.validation(field + " is required"));
        checkHeaderSafe(field, value);
        return value;
    }

    private static Secret secret(JsonNode block, String field, Optional<Secret> current) {
        Optional<String> sent = Requests.optional(block, field);
        if (sent.isPresent()) {
            // The message names the field only: the rejected value is a secret.
            checkHeaderSafe(field, sent.get());
            return new Secret(sent.get());
        }
        return current.orElseThrow(() -> AwsException.validation(field + " is required"));
    }

    private static void checkHeaderSafe(String field, String value) {
        if (value.isEmpty() || value.length() > 512 || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw AwsException.validation(field + " must be 1-512 characters without control characters");
        }
    }
}
