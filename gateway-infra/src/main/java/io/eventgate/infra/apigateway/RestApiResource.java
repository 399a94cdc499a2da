package io.eventgate.infra.apigateway;

import io.eventgate.infra.provision.CannotConverge;
import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.NamedResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiKeySourceType;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.RestApi;

/**
 * The REST API, found by name. The {@code _custom_id_} tag fixes its id on local-cloud and LocalStack (so the invoke
 * URL is known in advance); AWS ignores the tag and assigns an id. Deleting it deletes everything in it.
 */
public final class RestApiResource extends NamedResource {

    static final String CUSTOM_ID_TAG = "_custom_id_";

    private final String apiName;
    private final String customId;
    private final ApiGatewayClient apiGateway;

    public RestApiResource(String apiName, String customId, ApiGatewayClient apiGateway) {
        super("apigateway rest api", apiName);
        this.apiName = apiName;
        this.customId = customId;
        this.apiGateway = apiGateway;
    }

    /** The {@code _custom_id_} tag value (honoured by local-cloud and LocalStack, ignored by AWS). */
    public String customId() {
        return customId;
    }

    /** The tag that carries {@link #customId()}. */
    public String customIdTag() {
        return CUSTOM_ID_TAG;
    }

    /** The endpoint type the API is created with. */
    public String endpointType() {
        return EndpointType.REGIONAL.toString();
    }

    @Override
    public Change plan(Facts facts) {
        Optional<RestApi> live = find();
        if (live.isEmpty()) {
            return Change.create(() -> {
                String id = apiGateway.createRestApi(b -> b.name(apiName)
                        .description("eventgate: partners POST events here; they go to the event bus")
                        .apiKeySource(ApiKeySourceType.HEADER)
                        .endpointConfiguration(e -> e.types(EndpointType.REGIONAL))
                        .tags(Map.of(CUSTOM_ID_TAG, customId))).id();
                publish(facts, id);
            });
        }
        publish(facts, live.get().id());
        if (live.get().apiKeySource() != null && live.get().apiKeySource() != ApiKeySourceType.HEADER) {
            return Change.update(List.of("api key source " + live.get().apiKeySourceAsString() + " -> HEADER"),
                    () -> apiGateway.updateRestApi(b -> b.restApiId(live.get().id())
                            .patchOperations(p -> p.op("replace").path("/apiKeySource").value("HEADER"))));
        }
        return Change.none();
    }

    @Override
    public Change planDeletion(Facts facts) {
        Optional<RestApi> live = find();
        return live.isEmpty() ? Change.none()
                : Change.delete(() -> apiGateway.deleteRestApi(b -> b.restApiId(live.get().id())));
    }

    private void publish(Facts facts, String id) {
        facts.put(ApiFacts.REST_API_ID, id);
        String root = apiGateway.getResourcesPaginator(b -> b.restApiId(id).limit(500)).items().stream()
                .filter(r -> "/".equals(r.path()))
                .findFirst()
                .orElseThrow(() -> new CannotConverge("REST API " + id + " has no root resource"))
                .id();
        facts.put(ApiFacts.ROOT_RESOURCE_ID, root);
    }

    private Optional<RestApi> find() {
        List<RestApi> named = apiGateway.getRestApisPaginator(b -> b.limit(500)).items().stream()
                .filter(api -> apiName.equals(api.name()))
                .toList();
        if (named.size() <= 1) {
            return named.stream().findFirst();
        }
        // Several APIs share the name: the one with the custom id is ours (local); on AWS the choice is ambiguous.
        return Optional.of(named.stream().filter(api -> customId.equals(api.id())).findFirst()
                .orElseThrow(() -> new CannotConverge(named.size() + " REST APIs are named " + apiName + " ("
                        + named.stream().map(RestApi::id).toList() + "); delete the ones that are not in use")));
    }
}
