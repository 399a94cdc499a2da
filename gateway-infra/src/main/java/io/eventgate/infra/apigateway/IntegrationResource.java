package io.eventgate.infra.apigateway;

import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.NamedResource;
import io.eventgate.infra.settings.PartnerSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.GetIntegrationResponse;
import software.amazon.awssdk.services.apigateway.model.IntegrationResponse;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;

/**
 * The AWS integration of {@code POST /events}: EventBridge {@code PutEvents} called by API Gateway itself, with the
 * request mapping template of flow step 5 (which also enforces each partner key's grants) and response templates that
 * turn what EventBridge answered into a status the caller can act on ({@link PutEventsTemplates}).
 */
public final class IntegrationResource extends NamedResource {

    /** What the integration should be, given the facts. */
    public record Desired(String uri, String credentials, Map<String, String> requestParameters,
                          Map<String, String> requestTemplates, Map<String, ResponseSpec> responses) {
    }

    /** One integration response; a {@code null} selection pattern marks the default response. */
    public record ResponseSpec(String selectionPattern, Map<String, String> responseTemplates) {
    }

    private final String pathPart;
    private final String region;
    private final String busName;
    private final String roleFact;
    private final List<PartnerSettings> partners;
    private final ApiGatewayClient apiGateway;

    /**
     * @param roleFact the fact holding the ARN of the role API Gateway assumes to call PutEvents
     * @param partners whose keys may publish what; their key ids are facts of the API key resources
     */
    public IntegrationResource(String pathPart, String region, String busName, String roleFact,
                               List<PartnerSettings> partners, ApiGatewayClient apiGateway) {
        super("apigateway integration", MethodResource.HTTP_METHOD + " /" + pathPart + " -> events:PutEvents");
        this.pathPart = pathPart;
        this.region = region;
        this.busName = busName;
        this.roleFact = roleFact;
        this.partners = List.copyOf(partners);
        this.apiGateway = apiGateway;
    }

    /** The path part of the method this integration belongs to. */
    public String pathPart() {
        return pathPart;
    }

    /** The method this integration belongs to. */
    public String httpMethod() {
        return MethodResource.HTTP_METHOD;
    }

    /** An AWS service integration: API Gateway calls the service's action itself. */
    public String type() {
        return IntegrationType.AWS.toString();
    }

    /** The method API Gateway calls the AWS action with. */
    public String integrationHttpMethod() {
        return "POST";
    }

    /** Requests whose content type has no mapping template are refused rather than passed through. */
    public String passthroughBehavior() {
        return "NEVER";
    }

    /** The integration's desired state as data, given the facts (the role API Gateway assumes). */
    public Desired desired(Facts facts) {
        List<PutEventsTemplates.Grant> grants = new ArrayList<>();
        partners.forEach(partner -> grants.addAll(PutEventsTemplates.grants(
                facts.require(ApiFacts.apiKeyId(partner.apiKeyName())), partner)));
        return desired(region, busName, facts.require(roleFact), grants);
    }

    static Desired desired(String region, String busName, String credentials, List<PutEventsTemplates.Grant> grants) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("integration.request.header.X-Amz-Target", "'AWSEvents.PutEvents'");
        parameters.put("integration.request.header.Content-Type", "'application/x-amz-json-1.1'");
        Map<String, ResponseSpec> responses = new LinkedHashMap<>();
        PutEventsTemplates.responses().forEach(r -> responses.put(r.statusCode(),
                new ResponseSpec(r.selectionPattern(), Map.of(ModelResource.CONTENT_TYPE, r.template()))));
        return new Desired("arn:aws:apigateway:" + region + ":events:action/PutEvents", credentials, parameters,
                Map.of(ModelResource.CONTENT_TYPE, PutEventsTemplates.request(busName, grants)), responses);
    }

    @Override
    public Change plan(Facts facts) {
        Desired wanted = desired(facts);
        facts.put(ApiFacts.config("integration." + pathPart), wanted.toString());
        return ApiFacts.tracked(facts, "integration." + pathPart, converge(facts, wanted));
    }

    private Change converge(Facts facts, Desired wanted) {
        Optional<String> apiId = facts.find(ApiFacts.REST_API_ID);
        Optional<String> resourceId = facts.find(ApiFacts.resourceId(pathPart));
        Optional<GetIntegrationResponse> live = apiId.isPresent() && resourceId.isPresent()
                ? get(apiId.get(), resourceId.get()) : Optional.empty();
        if (live.isEmpty()) {
            return Change.create(() -> put(facts, wanted, wanted.responses()));
        }
        GetIntegrationResponse current = live.get();
        List<String> details = new ArrayList<>();
        compare(details, "type", current.typeAsString(), type());
        compare(details, "integration method", current.httpMethod(), integrationHttpMethod());
        compare(details, "uri", current.uri(), wanted.uri());
        compare(details, "credentials", current.credentials(), wanted.credentials());
        compare(details, "request parameters", current.requestParameters(), wanted.requestParameters());
        compare(details, "request templates", current.requestTemplates(), wanted.requestTemplates());
        compare(details, "passthrough behavior", current.passthroughBehavior(), passthroughBehavior());
        if (!details.isEmpty()) {
            // The integration is rebuilt as a whole; its responses go with it and are put again.
            return Change.replace(details, () -> {
                apiGateway.deleteIntegration(b -> b.restApiId(apiId.get()).resourceId(resourceId.get())
                        .httpMethod(MethodResource.HTTP_METHOD));
                put(facts, wanted, wanted.responses());
            });
        }
        Map<String, IntegrationResponse> liveResponses = current.hasIntegrationResponses()
                ? new LinkedHashMap<>(current.integrationResponses()) : new LinkedHashMap<>();
        Map<String, ResponseSpec> changed = new LinkedHashMap<>();
        wanted.responses().forEach((status, spec) -> {
            IntegrationResponse response = liveResponses.remove(status);
            if (response == null || !Objects.equals(blankToNull(response.selectionPattern()), spec.selectionPattern())
                    || !Objects.equals(response.responseTemplates(), spec.responseTemplates())) {
                details.add("integration response " + status + (response == null ? " missing" : " differs"));
                changed.put(status, spec);
            }
        });
        List<String> extra = List.copyOf(liveResponses.keySet());
        extra.forEach(status -> details.add("integration response " + status + " not in the topology"));
        if (details.isEmpty()) {
            return Change.none();
        }
        return Change.update(details, () -> {
            for (String status : extra) {
                deleteResponse(apiId.get(), resourceId.get(), status);
            }
            changed.forEach((status, spec) -> {
                if (current.hasIntegrationResponses() && current.integrationResponses().containsKey(status)) {
                    deleteResponse(apiId.get(), resourceId.get(), status);
                }
            });
            putResponses(apiId.get(), resourceId.get(), changed);
        });
    }

    @Override
    public Change planDeletion(Facts facts) {
        return Change.none();
    }

    private void put(Facts facts, Desired wanted, Map<String, ResponseSpec> responses) {
        String apiId = facts.require(ApiFacts.REST_API_ID);
        String resourceId = facts.require(ApiFacts.resourceId(pathPart));
        apiGateway.putIntegration(b -> b.restApiId(apiId).resourceId(resourceId)
                .httpMethod(MethodResource.HTTP_METHOD)
                .type(type())
                .integrationHttpMethod(integrationHttpMethod())
                .uri(wanted.uri())
                .credentials(wanted.credentials())
                .requestParameters(wanted.requestParameters())
                .requestTemplates(wanted.requestTemplates())
                .passthroughBehavior(passthroughBehavior()));
        putResponses(apiId, resourceId, responses);
    }

    private void putResponses(String apiId, String resourceId, Map<String, ResponseSpec> responses) {
        responses.forEach((status, spec) -> apiGateway.putIntegrationResponse(b -> b.restApiId(apiId)
                .resourceId(resourceId).httpMethod(MethodResource.HTTP_METHOD).statusCode(status)
                .selectionPattern(spec.selectionPattern())
                .responseTemplates(spec.responseTemplates())));
    }

    private void deleteResponse(String apiId, String resourceId, String status) {
        apiGateway.deleteIntegrationResponse(b -> b.restApiId(apiId).resourceId(resourceId)
                .httpMethod(MethodResource.HTTP_METHOD).statusCode(status));
    }

    private Optional<GetIntegrationResponse> get(String apiId, String resourceId) {
        try {
            return Optional.of(apiGateway.getIntegration(b -> b.restApiId(apiId).resourceId(resourceId)
                    .httpMethod(MethodResource.HTTP_METHOD)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static void compare(List<String> details, String property, Object live, Object wanted) {
        if (!Objects.equals(live, wanted)) {
            details.add(property + (property.contains("template") ? " differ" : " " + live + " -> " + wanted));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
