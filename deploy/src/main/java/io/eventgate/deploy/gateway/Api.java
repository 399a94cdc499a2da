package io.eventgate.deploy.gateway;

import io.eventgate.deploy.topology.Sentinels;
import io.eventgate.infra.apigateway.ApiFacts;
import io.eventgate.infra.apigateway.IntegrationResource;
import io.eventgate.infra.apigateway.MethodResource;
import io.eventgate.infra.apigateway.ModelResource;
import io.eventgate.infra.apigateway.PathResource;
import io.eventgate.infra.apigateway.RequestValidatorResource;
import io.eventgate.infra.apigateway.RestApiResource;
import io.eventgate.infra.apigateway.StageResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.CfnModel;
import software.amazon.awscdk.services.apigateway.CfnRestApi;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.IModel;
import software.amazon.awscdk.services.apigateway.Integration;
import software.amazon.awscdk.services.apigateway.IntegrationOptions;
import software.amazon.awscdk.services.apigateway.IntegrationResponse;
import software.amazon.awscdk.services.apigateway.IntegrationType;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.MethodResponse;
import software.amazon.awscdk.services.apigateway.Model;
import software.amazon.awscdk.services.apigateway.PassthroughBehavior;
import software.amazon.awscdk.services.apigateway.RequestValidator;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.iam.FromRoleArnOptions;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The partners' REST API: the model (event-contracts' schema), validator, resource, method and its AWS integration
 * with gateway-infra's mapping templates, and the stage — with, on AWS, access logging and error logging on the
 * stage.
 */
final class Api extends Construct {

    /** One JSON line per request; the key id (not the key) says which partner called. */
    static final String ACCESS_LOG_FORMAT = "{\"requestId\":\"$context.requestId\","
            + "\"sourceIp\":\"$context.identity.sourceIp\",\"apiKeyId\":\"$context.identity.apiKeyId\","
            + "\"requestTime\":\"$context.requestTime\",\"httpMethod\":\"$context.httpMethod\","
            + "\"resourcePath\":\"$context.resourcePath\",\"status\":\"$context.status\","
            + "\"integrationStatus\":\"$context.integration.status\",\"responseLength\":\"$context.responseLength\","
            + "\"errorType\":\"$context.error.responseType\",\"errorMessage\":\"$context.error.message\"}";

    private final Built built;
    private final String stageName;
    private final Map<String, software.amazon.awscdk.services.apigateway.Resource> paths = new LinkedHashMap<>();
    private final Map<String, RequestValidator> validators = new LinkedHashMap<>();
    private final Map<String, CfnModel> models = new LinkedHashMap<>();
    private final Map<String, MethodResource> methodsAwaitingIntegration = new LinkedHashMap<>();
    private RestApi api;

    /**
     * @param stageName the stage of gateway-infra's description: the L2 API creates its stage with the API
     */
    Api(Construct scope, Built built, String stageName) {
        super(scope, "Api");
        this.built = built;
        this.stageName = stageName;
    }

    RestApi restApi() {
        return api;
    }

    String stageName() {
        return stageName;
    }

    void add(RestApiResource resource) {
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(RetentionDays.ONE_YEAR)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        api = RestApi.Builder.create(this, Ids.of(resource.name()))
                .restApiName(resource.name())
                .description("eventgate: partners POST events to the bus")
                .endpointTypes(List.of(EndpointType.valueOf(resource.endpointType())))
                // The account-level role API Gateway writes its execution logs with.
                .cloudWatchRole(true)
                .deployOptions(StageOptions.builder()
                        .stageName(stageName)
                        .accessLogDestination(new LogGroupLogDestination(accessLogs))
                        .accessLogFormat(AccessLogFormat.custom(ACCESS_LOG_FORMAT))
                        .loggingLevel(MethodLoggingLevel.ERROR)
                        // Request and response bodies never go to the logs.
                        .dataTraceEnabled(false)
                        .metricsEnabled(true)
                        .build())
                .build();
        Tags.of((CfnRestApi) api.getNode().getDefaultChild()).add(resource.customIdTag(), resource.customId());
        built.facts.put(ApiFacts.REST_API_ID, api.getRestApiId());
        built.facts.put(ApiFacts.ROOT_RESOURCE_ID, api.getRestApiRootResourceId());
    }

    void add(ModelResource resource) {
        CfnModel model = CfnModel.Builder.create(this, Ids.of(resource.name()) + "Model")
                .restApiId(api.getRestApiId())
                .name(resource.name())
                .contentType(resource.contentType())
                .schema(Json.tree(resource.schema()))
                .description("eventgate: what partners may POST")
                .build();
        // Models are not part of the L2 deployment's fingerprint: a changed schema must redeploy the stage too.
        api.getLatestDeployment().addToLogicalId(Map.of("model", resource.name(), "schema", resource.schema()));
        models.put(resource.name(), model);
    }

    void add(RequestValidatorResource resource) {
        RequestValidator validator = RequestValidator.Builder.create(this, Ids.of(resource.name()))
                .restApi(api)
                .requestValidatorName(resource.name())
                .validateRequestBody(resource.validatesRequestBody())
                .validateRequestParameters(resource.validatesRequestParameters())
                .build();
        api.getLatestDeployment().addToLogicalId(Map.of("validator", resource.name(),
                "body", resource.validatesRequestBody(), "parameters", resource.validatesRequestParameters()));
        validators.put(resource.name(), validator);
        built.facts.put(ApiFacts.validatorId(resource.name()), validator.getRequestValidatorId());
    }

    void add(PathResource resource) {
        var path = api.getRoot().addResource(resource.pathPart());
        paths.put(resource.pathPart(), path);
        built.facts.put(ApiFacts.resourceId(resource.pathPart()), path.getResourceId());
    }

    /** gateway-infra puts the method first and its integration next; the L2 method takes both at once. */
    void add(MethodResource resource) {
        methodsAwaitingIntegration.put(resource.pathPart(), resource);
    }

    void add(IntegrationResource resource) {
        MethodResource methodResource = Built.require(methodsAwaitingIntegration, resource.pathPart(), "method of");
        methodsAwaitingIntegration.remove(resource.pathPart());
        MethodResource.Desired wanted = methodResource.desired();
        Map<String, IModel> requestModels = new LinkedHashMap<>();
        wanted.requestModels().forEach((contentType, modelName) -> requestModels.put(contentType,
                Model.fromModelName(this, Ids.of(modelName) + "Ref", modelName)));
        Method method = Built.require(paths, resource.pathPart(), "resource /").addMethod(wanted.httpMethod(),
                integration(resource), MethodOptions.builder()
                        .authorizationType(AuthorizationType.valueOf(wanted.authorizationType()))
                        .apiKeyRequired(wanted.apiKeyRequired())
                        .requestValidator(Built.require(validators, wanted.validatorName(), "request validator"))
                        .requestModels(requestModels)
                        .methodResponses(new TreeSet<>(wanted.statusCodes()).stream()
                                .map(status -> MethodResponse.builder().statusCode(status).build())
                                .toList())
                        .build());
        wanted.requestModels().values().forEach(name -> method.getNode()
                .addDependency(Built.require(models, name, "model")));
    }

    void add(StageResource resource) {
        if (!resource.stage().equals(stageName)) {
            throw new IllegalStateException("gateway-infra describes stage " + resource.stage() + " but the API was"
                    + " created with stage " + stageName);
        }
        if (!methodsAwaitingIntegration.isEmpty()) {
            throw new IllegalStateException("methods without an integration: " + methodsAwaitingIntegration.keySet());
        }
        built.facts.put(ApiFacts.stage(resource.stage()), api.getLatestDeployment().getDeploymentId());
    }

    private Integration integration(IntegrationResource resource) {
        IntegrationResource.Desired wanted = resource.desired(built.facts);
        List<IntegrationResponse> responses = wanted.responses().entrySet().stream()
                .map(response -> IntegrationResponse.builder()
                        .statusCode(response.getKey())
                        .selectionPattern(response.getValue().selectionPattern())
                        .responseTemplates(response.getValue().responseTemplates())
                        .build())
                .toList();
        return Integration.Builder.create()
                .type(IntegrationType.valueOf(resource.type()))
                .integrationHttpMethod(resource.integrationHttpMethod())
                .uri(Sentinels.resolve(wanted.uri()))
                .options(IntegrationOptions.builder()
                        .credentialsRole(Role.fromRoleArn(this, "IntegrationRole" + Ids.of(resource.pathPart()),
                                wanted.credentials(), FromRoleArnOptions.builder().mutable(false).build()))
                        .requestParameters(wanted.requestParameters())
                        .requestTemplates(wanted.requestTemplates())
                        .passthroughBehavior(PassthroughBehavior.valueOf(resource.passthroughBehavior()))
                        .integrationResponses(responses)
                        .build())
                .build();
    }
}
