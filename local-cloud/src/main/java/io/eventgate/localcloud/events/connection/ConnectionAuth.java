package io.eventgate.localcloud.events.connection;

import java.net.URI;

/** How a connection authorizes its calls: one variant per {@code AuthorizationType}. */
sealed interface ConnectionAuth {

    String type();

    /** {@code API_KEY}: the key sent as a header of the given name. */
    record ApiKey(String name, Secret value) implements ConnectionAuth {
        @Override
        public String type() {
            return "API_KEY";
        }
    }

    /** {@code BASIC}: {@code Authorization: Basic base64(username:password)}. */
    record Basic(String username, Secret password) implements ConnectionAuth {
        @Override
        public String type() {
            return "BASIC";
        }
    }

    /**
     * {@code OAUTH_CLIENT_CREDENTIALS}: a bearer token obtained from the authorization endpoint with the client
     * id and secret.
     */
    record OAuthClientCredentials(URI authorizationEndpoint, String httpMethod, String clientId, Secret clientSecret,
                                  InvocationParameters oauthParameters) implements ConnectionAuth {
        @Override
        public String type() {
            return "OAUTH_CLIENT_CREDENTIALS";
        }
    }
}
