package io.eventgate.deploy.gateway;

import io.eventgate.deploy.secrets.GeneratedSecrets;
import io.eventgate.infra.events.ApiDestinationResource;
import io.eventgate.infra.events.ConnectionResource;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.services.events.ApiDestination;
import software.amazon.awscdk.services.events.Authorization;
import software.amazon.awscdk.services.events.Connection;
import software.amazon.awscdk.services.events.HttpMethod;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * The connections and API destinations that call partners. A connection's key lives in Secrets Manager (generated
 * there) and reaches the template only as a dynamic reference, never as a value.
 */
final class PartnerDelivery extends Construct {

    private final Built built;
    private final Map<String, Connection> connections = new LinkedHashMap<>();

    PartnerDelivery(Construct scope, Built built) {
        super(scope, "PartnerDelivery");
        this.built = built;
    }

    void add(ConnectionResource resource) {
        if (!"API_KEY".equals(resource.authorizationType())) {
            throw new UnsupportedOperationException("connection " + resource.name() + " uses "
                    + resource.authorizationType() + ", which the CDK stack does not translate yet (PartnerDelivery)");
        }
        ISecret key = GeneratedSecrets.generated(this, "connection-" + resource.name(),
                "The API key EventBridge connection " + resource.name() + " sends in " + resource.headerName());
        Connection connection = Connection.Builder.create(this, Ids.of(resource.name()))
                .connectionName(resource.name())
                .description("eventgate: API key in " + resource.headerName())
                .authorization(Authorization.apiKey(resource.headerName(), key.getSecretValue()))
                .build();
        connections.put(resource.name(), connection);
        built.connectionKeys.put(resource.name(), key);
        built.facts.put(ConnectionResource.arnFact(resource.name()), connection.getConnectionArn());
    }

    void add(ApiDestinationResource resource) {
        ApiDestination destination = ApiDestination.Builder.create(this, Ids.of(resource.name()))
                .apiDestinationName(resource.name())
                .connection(Built.require(connections, resource.connection(), "connection"))
                .endpoint(resource.url())
                .httpMethod(HttpMethod.valueOf(resource.httpMethod()))
                .rateLimitPerSecond(resource.rateLimitPerSecond())
                .description("eventgate: requests to a partner")
                .build();
        built.facts.put(ApiDestinationResource.arnFact(resource.name()), destination.getApiDestinationArn());
    }
}
