package io.eventgate.infra.apigateway;

import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.NamedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.RequestValidator;

/** The validator that makes API Gateway check request bodies against the model (and nothing else). */
public final class RequestValidatorResource extends NamedResource {

    private final String validatorName;
    private final ApiGatewayClient apiGateway;

    public RequestValidatorResource(String validatorName, ApiGatewayClient apiGateway) {
        super("apigateway request validator", validatorName);
        this.validatorName = validatorName;
        this.apiGateway = apiGateway;
    }

    /** The validator checks the body against the method's model. */
    public boolean validatesRequestBody() {
        return true;
    }

    /** ... and no request parameters. */
    public boolean validatesRequestParameters() {
        return false;
    }

    @Override
    public Change plan(Facts facts) {
        facts.put(ApiFacts.config("validator." + validatorName), "body=true,parameters=false");
        return ApiFacts.tracked(facts, "validator." + validatorName, converge(facts));
    }

    private Change converge(Facts facts) {
        Optional<String> apiId = facts.find(ApiFacts.REST_API_ID);
        Optional<RequestValidator> live = apiId.flatMap(this::find);
        if (live.isEmpty()) {
            return Change.create(() -> facts.put(ApiFacts.validatorId(validatorName), apiGateway
                    .createRequestValidator(b -> b.restApiId(facts.require(ApiFacts.REST_API_ID)).name(validatorName)
                            .validateRequestBody(validatesRequestBody())
                            .validateRequestParameters(validatesRequestParameters()))
                    .id()));
        }
        RequestValidator current = live.get();
        facts.put(ApiFacts.validatorId(validatorName), current.id());
        List<String> details = new ArrayList<>();
        List<PatchOperation> patches = new ArrayList<>();
        if (!Boolean.TRUE.equals(current.validateRequestBody())) {
            details.add("validate body false -> true");
            patches.add(PatchOperation.builder().op("replace").path("/validateRequestBody").value("true").build());
        }
        if (Boolean.TRUE.equals(current.validateRequestParameters())) {
            details.add("validate parameters true -> false");
            patches.add(PatchOperation.builder().op("replace").path("/validateRequestParameters").value("false")
                    .build());
        }
        if (details.isEmpty()) {
            return Change.none();
        }
        return Change.update(details, () -> apiGateway.updateRequestValidator(b -> b.restApiId(apiId.get())
                .requestValidatorId(current.id()).patchOperations(patches)));
    }

    @Override
    public Change planDeletion(Facts facts) {
        return Change.none();
    }

    private Optional<RequestValidator> find(String apiId) {
        return apiGateway.getRequestValidators(b -> b.restApiId(apiId).limit(500)).items().stream()
                .filter(v -> validatorName.equals(v.name()))
                .findFirst();
    }
}
