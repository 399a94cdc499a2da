package io.eventgate.infra.apigateway;

import io.eventgate.infra.aws.JsonDocs;
import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.NamedResource;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.GetModelResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;

/** The request model: the JSON Schema (draft 4) {@link GatewayModel} generates from event-contracts. */
public final class ModelResource extends NamedResource {

    static final String CONTENT_TYPE = "application/json";

    private final String modelName;
    private final String schema;
    private final ApiGatewayClient apiGateway;

    public ModelResource(String modelName, String schema, ApiGatewayClient apiGateway) {
        super("apigateway model", modelName);
        this.modelName = modelName;
        this.schema = schema;
        this.apiGateway = apiGateway;
    }

    /** The JSON Schema (draft 4) the request body is checked against. */
    public String schema() {
        return schema;
    }

    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public Change plan(Facts facts) {
        facts.put(ApiFacts.config("model." + modelName), JsonDocs.write(JsonDocs.read(schema)));
        return ApiFacts.tracked(facts, "model." + modelName, converge(facts));
    }

    private Change converge(Facts facts) {
        Optional<String> apiId = facts.find(ApiFacts.REST_API_ID);
        Optional<GetModelResponse> live = apiId.flatMap(this::get);
        if (live.isEmpty()) {
            return Change.create(() -> apiGateway.createModel(b -> b.restApiId(facts.require(ApiFacts.REST_API_ID))
                    .name(modelName).contentType(CONTENT_TYPE).schema(schema)
                    .description("The gateway envelope partners POST to /events")));
        }
        if (JsonDocs.same(live.get().schema(), schema)) {
            return Change.none();
        }
        return Change.update(List.of("schema differs from the model generated from event-contracts"),
                () -> apiGateway.updateModel(b -> b.restApiId(apiId.get()).modelName(modelName)
                        .patchOperations(p -> p.op("replace").path("/schema").value(schema))));
    }

    @Override
    public Change planDeletion(Facts facts) {
        return Change.none();
    }

    private Optional<GetModelResponse> get(String apiId) {
        try {
            return Optional.of(apiGateway.getModel(b -> b.restApiId(apiId).modelName(modelName)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
