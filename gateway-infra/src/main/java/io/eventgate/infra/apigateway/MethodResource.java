package io.eventgate.infra.apigateway;

import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.NamedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.GetMethodResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;

/**
 * {@code POST /events}: requires an API key, validates the body against the envelope model, and declares the status
 * codes the integration answers with. A method that differs is replaced (its integration follows in the next step).
 */
public final class MethodResource extends NamedResource {

    static final String HTTP_METHOD = "POST";
    static final Set<String> STATUS_CODES = PutEventsTemplates.STATUSES;

    private final String pathPart;
    private final String modelName;
    private final String validatorName;
    private final ApiGatewayClient apiGateway;

    public MethodResource(String pathPart, String modelName, String validatorName, ApiGatewayClient apiGateway) {
        super("apigateway method", HTTP_METHOD + " /" + pathPart);
        this.pathPart = pathPart;
        this.modelName = modelName;
        this.validatorName = validatorName;
        this.apiGateway = apiGateway;
    }

    /**
     * What the method must be: no authorizer, an API key, the body validated against the model, and the status codes
     * the integration answers with.
     */
    public record Desired(String httpMethod, String authorizationType, boolean apiKeyRequired, String validatorName,
                          Map<String, String> requestModels, Set<String> statusCodes) {
    }

    /** The path part under the API's root. */
    public String pathPart() {
        return pathPart;
    }

    /** The method's desired state as data. */
    public Desired desired() {
        return new Desired(HTTP_METHOD, "NONE", true, validatorName, Map.of(ModelResource.CONTENT_TYPE, modelName),
                STATUS_CODES);
    }

    @Override
    public Change plan(Facts facts) {
        facts.put(ApiFacts.config("method." + pathPart), HTTP_METHOD + " auth=NONE apiKeyRequired=true validator="
                + validatorName + " model=" + modelName + " responses=" + new TreeSet<>(STATUS_CODES));
        return ApiFacts.tracked(facts, "method." + pathPart, converge(facts));
    }

    private Change converge(Facts facts) {
        Optional<String> apiId = facts.find(ApiFacts.REST_API_ID);
        Optional<String> resourceId = facts.find(ApiFacts.resourceId(pathPart));
        Optional<GetMethodResponse> live = apiId.isPresent() && resourceId.isPresent()
                ? get(apiId.get(), resourceId.get()) : Optional.empty();
        if (live.isEmpty()) {
            return Change.create(() -> put(facts));
        }
        GetMethodResponse current = live.get();
        List<String> details = new ArrayList<>();
        if (!"NONE".equals(current.authorizationType())) {
            details.add("authorization " + current.authorizationType() + " -> NONE");
        }
        if (!Boolean.TRUE.equals(current.apiKeyRequired())) {
            details.add("api key required false -> true");
        }
        String validatorId = facts.require(ApiFacts.validatorId(validatorName));
        if (!Objects.equals(current.requestValidatorId(), validatorId)) {
            details.add("request validator " + current.requestValidatorId() + " -> " + validatorId);
        }
        Map<String, String> models = Map.of(ModelResource.CONTENT_TYPE, modelName);
        if (!models.equals(current.requestModels())) {
            details.add("request models " + current.requestModels() + " -> " + models);
        }
        Set<String> responses = current.hasMethodResponses() ? current.methodResponses().keySet() : Set.of();
        if (!STATUS_CODES.equals(responses)) {
            details.add("method responses " + new TreeSet<>(responses) + " -> " + new TreeSet<>(STATUS_CODES));
        }
        if (details.isEmpty()) {
            return Change.none();
        }
        return Change.replace(details, () -> {
            apiGateway.deleteMethod(b -> b.restApiId(apiId.get()).resourceId(resourceId.get())
                    .httpMethod(HTTP_METHOD));
            put(facts);
        });
    }

    @Override
    public Change planDeletion(Facts facts) {
        return Change.none();
    }

    private void put(Facts facts) {
        String apiId = facts.require(ApiFacts.REST_API_ID);
        String resourceId = facts.require(ApiFacts.resourceId(pathPart));
        apiGateway.putMethod(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod(HTTP_METHOD)
                .authorizationType("NONE")
                .apiKeyRequired(true)
                .requestValidatorId(facts.require(ApiFacts.validatorId(validatorName)))
                .requestModels(Map.of(ModelResource.CONTENT_TYPE, modelName)));
        for (String status : new TreeSet<>(STATUS_CODES)) {
            apiGateway.putMethodResponse(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod(HTTP_METHOD)
                    .statusCode(status));
        }
    }

    private Optional<GetMethodResponse> get(String apiId, String resourceId) {
        try {
            return Optional.of(apiGateway.getMethod(b -> b.restApiId(apiId).resourceId(resourceId)
                    .httpMethod(HTTP_METHOD)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
