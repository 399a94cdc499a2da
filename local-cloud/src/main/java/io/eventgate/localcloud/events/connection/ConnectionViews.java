package io.eventgate.localcloud.events.connection;

import io.eventgate.localcloud.events.control.Requests;
import io.eventgate.localcloud.json.Json;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders connections for Describe and List, leaving out every secret value. */
final class ConnectionViews {

    private ConnectionViews() {
    }

    static ObjectNode summary(Connection connection) {
        ObjectNode view = Json.object()
                .put("ConnectionArn", connection.arn())
                .put("Name", connection.name())
                .put("ConnectionState", connection.state())
                .put("AuthorizationType", connection.auth().type());
        connection.stateReason().ifPresent(reason -> view.put("StateReason", reason));
        times(connection, view);
        return view;
    }

    static ObjectNode arnAndState(Connection connection, String state) {
        ObjectNode view = Json.object().put("ConnectionArn", connection.arn()).put("ConnectionState", state);
        times(connection, view);
        return view;
    }

    static ObjectNode described(Connection connection) {
        ObjectNode view = summary(connection);
        connection.description().ifPresent(d -> view.put("Description", d));
        connection.secretArn().ifPresent(secret -> view.put("SecretArn", secret));
        ObjectNode auth = view.putObject("AuthParameters");
        switch (connection.auth()) {
            case ConnectionAuth.ApiKey key -> auth.putObject("ApiKeyAuthParameters").put("ApiKeyName", key.name());
            case ConnectionAuth.Basic basic -> auth.putObject("BasicAuthParameters")
                    .put("Username", basic.username());
            case ConnectionAuth.OAuthClientCredentials oauth -> {
                ObjectNode block = auth.putObject("OAuthParameters");
                block.putObject("ClientParameters").put("ClientID", oauth.clientId());
                block.put("AuthorizationEndpoint", oauth.authorizationEndpoint().toString());
                block.put("HttpMethod", oauth.httpMethod());
                if (!oauth.oauthParameters().isEmpty()) {
                    block.set("OAuthHttpParameters", parameters(oauth.oauthParameters()));
                }
            }
        }
        if (!connection.invocationParameters().isEmpty()) {
            auth.set("InvocationHttpParameters", parameters(connection.invocationParameters()));
        }
        return view;
    }

    private static void times(Connection connection, ObjectNode view) {
        view.put("CreationTime", Requests.epochSeconds(connection.creationTime()));
        view.put("LastModifiedTime", Requests.epochSeconds(connection.lastModifiedTime()));
        view.put("LastAuthorizedTime", Requests.epochSeconds(connection.lastAuthorizedTime()));
    }

    private static ObjectNode parameters(InvocationParameters parameters) {
        ObjectNode view = Json.object();
        list(view, "HeaderParameters", parameters.headers());
        list(view, "QueryStringParameters", parameters.queryString());
        list(view, "BodyParameters", parameters.body());
        return view;
    }

    private static void list(ObjectNode view, String field, List<Parameter> parameters) {
        if (parameters.isEmpty()) {
            return;
        }
        ArrayNode array = view.putArray(field);
        for (Parameter parameter : parameters) {
            ObjectNode item = array.addObject().put("Key", parameter.key()).put("IsValueSecret", parameter.secret());
            if (!parameter.secret()) {
                item.put("Value", parameter.value().reveal());
            }
        }
    }
}
