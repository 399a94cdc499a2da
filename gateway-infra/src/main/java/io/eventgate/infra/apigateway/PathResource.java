package io.eventgate.infra.apigateway;

import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.NamedResource;
import io.eventgate.infra.provision.Resource;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/** The {@code /events} resource under the API's root. */
public final class PathResource extends NamedResource {

    private final String pathPart;
    private final ApiGatewayClient apiGateway;

    public PathResource(String pathPart, ApiGatewayClient apiGateway) {
        super("apigateway resource", "/" + pathPart);
        this.pathPart = pathPart;
        this.apiGateway = apiGateway;
    }

    /** The path part under the API's root, without slashes. */
    public String pathPart() {
        return pathPart;
    }

    @Override
    public Change plan(Facts facts) {
        facts.put(ApiFacts.config("resource." + pathPart), "/" + pathPart);
        return ApiFacts.tracked(facts, "resource." + pathPart, converge(facts));
    }

    private Change converge(Facts facts) {
        Optional<String> live = facts.find(ApiFacts.REST_API_ID).flatMap(this::find);
        if (live.isEmpty()) {
            return Change.create(() -> facts.put(ApiFacts.resourceId(pathPart), apiGateway.createResource(b -> b
                    .restApiId(facts.require(ApiFacts.REST_API_ID))
                    .parentId(facts.require(ApiFacts.ROOT_RESOURCE_ID))
                    .pathPart(pathPart)).id()));
        }
        facts.put(ApiFacts.resourceId(pathPart), live.get());
        return Change.none();
    }

    @Override
    public Change planDeletion(Facts facts) {
        return Change.none();
    }

    private Optional<String> find(String apiId) {
        return apiGateway.getResourcesPaginator(b -> b.restApiId(apiId).limit(500)).items().stream()
                .filter(r -> ("/" + pathPart).equals(r.path()))
                .map(software.amazon.awssdk.services.apigateway.model.Resource::id)
                .findFirst();
    }
}
