package io.eventgate.localcloud.apigateway.control;

import static io.eventgate.localcloud.apigateway.control.ControlRoutes.accepted;
import static io.eventgate.localcloud.apigateway.control.ControlRoutes.created;
import static io.eventgate.localcloud.apigateway.control.ControlRoutes.ok;

import io.eventgate.localcloud.apigateway.model.ApiResource;
import io.eventgate.localcloud.apigateway.model.Method;
import io.eventgate.localcloud.apigateway.model.Model;
import io.eventgate.localcloud.apigateway.model.RequestValidator;
import io.eventgate.localcloud.apigateway.model.RestApi;
import io.eventgate.localcloud.edge.EdgeResponse;
import io.eventgate.localcloud.json.Json;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/** REST APIs, resources, methods, models and request validators. Integrations: {@link IntegrationOperations}. */
final class RestApiOperations {

    static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");
    private static final Set<String> AUTHORIZATION_TYPES = Set.of("NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS");
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern REQUEST_PARAMETER =
            Pattern.compile("method\\.request\\.(header|querystring|path|multivaluequerystring|multivalueheader)\\.[^.\\s]+");

    private final RestApiStore apis;

    RestApiOperations(RestApiStore apis) {
        this.apis = apis;
    }

    void register(ControlRoutes routes) {
        routes.add("POST", "/restapis", "CreateRestApi", this::createRestApi)
                .add("GET", "/restapis", "GetRestApis", c -> ok(Views.page(apis.all(), Views::restApi)))
                .add("GET", "/restapis/{api}", "GetRestApi", c -> ok(Views.restApi(apis.get(c.param("api")))))
                .add("DELETE", "/restapis/{api}", "DeleteRestApi", c -> {
                    apis.delete(c.param("api"));
                    return accepted();
                })
                .add("GET", "/restapis/{api}/resources", "GetResources", this::getResources)
                .add("GET", "/restapis/{api}/resources/{resource}", "GetResource",
                        c -> ok(Views.resource(resource(c), c.queryAll("embed").contains("methods"))))
                .add("POST", "/restapis/{api}/resources/{resource}", "CreateResource",
                        c -> created(Views.resource(apis.createResource(c.param("api"), c.param("resource"),
                                c.body().string("pathPart").orElse(null)), false)))
                .add("DELETE", "/restapis/{api}/resources/{resource}", "DeleteResource", c -> {
                    apis.deleteResource(c.param("api"), c.param("resource"));
                    return accepted();
                })
                .add("PUT", "/restapis/{api}/resources/{resource}/methods/{method}", "PutMethod", this::putMethod)
                .add("GET", "/restapis/{api}/resources/{resource}/methods/{method}", "GetMethod",
                        c -> ok(Views.method(method(c))))
                .add("DELETE", "/restapis/{api}/resources/{resource}/methods/{method}", "DeleteMethod", c -> {
                    method(c);
                    apis.update(c.param("api"), api -> api.withResource(
                            api.resource(c.param("resource")).orElseThrow().withoutMethod(c.param("method"))));
                    return accepted();
                })
                .add("POST", "/restapis/{api}/models", "CreateModel", this::createModel)
                .add("GET", "/restapis/{api}/models", "GetModels", c -> ok(Views.page(
                        apis.get(c.param("api")).models().values().stream()
                                .sorted(Comparator.comparing(Model::name)).toList(), Views::model)))
                .add("GET", "/restapis/{api}/models/{model}", "GetModel", c -> ok(Views.model(
                        Optional.ofNullable(apis.get(c.param("api")).models().get(c.param("model")))
                                .orElseThrow(() -> ControlErrors.notFound("Invalid model name specified: "
                                        + c.param("model"))))))
                .add("POST", "/restapis/{api}/requestvalidators", "CreateRequestValidator", this::createValidator)
                .add("GET", "/restapis/{api}/requestvalidators", "GetRequestValidators", c -> ok(Views.page(
                        apis.get(c.param("api")).validators().values().stream()
                                .sorted(Comparator.comparing(RequestValidator::name)).toList(), Views::validator)))
                .add("GET", "/restapis/{api}/requestvalidators/{validator}", "GetRequestValidator",
                        c -> ok(Views.validator(Optional.ofNullable(
                                apis.get(c.param("api")).validators().get(c.param("validator")))
                                .orElseThrow(() -> ControlErrors.notFound(
                                        "Invalid Request Validator identifier specified")))));
    }

    private ApiResource resource(Call call) {
        return apis.get(call.param("api")).resource(call.param("resource"))
                .orElseThrow(() -> ControlErrors.notFound("Invalid Resource identifier specified"));
    }

    Method method(Call call) {
        return resource(call).method(call.param("method"))
                .orElseThrow(() -> ControlErrors.notFound("Invalid Method identifier specified"));
    }

    private EdgeResponse createRestApi(Call call) {
        Input body = call.body();
        String apiKeySource = body.string("apiKeySource").orElse("HEADER");
        if (!Set.of("HEADER", "AUTHORIZER").contains(apiKeySource)) {
            throw ControlErrors.badRequest("Invalid apiKeySource " + apiKeySource);
        }
        RestApi api = apis.create(body.required("name"), body.string("description"), apiKeySource,
                body.stringMap("tags"));
        // AWS gives every new API the two built-in models.
        api = apis.update(api.id(), a -> a
                .withModel(new Model(Ids.next(), "Empty", Optional.of("This is a default empty schema model"),
                        Optional.of("{\n  \"$schema\": \"http://json-schema.org/draft-04/schema#\",\n"
                                + "  \"title\" : \"Empty Schema\",\n  \"type\" : \"object\"\n}"), "application/json"))
                .withModel(new Model(Ids.next(), "Error", Optional.of("This is a default error schema model"),
                        Optional.of("{\n  \"$schema\" : \"http://json-schema.org/draft-04/schema#\",\n"
                                + "  \"title\" : \"Error Schema\",\n  \"type\" : \"object\",\n  \"properties\" : {\n"
                                + "    \"message\" : { \"type\" : \"string\" }\n  }\n}"), "application/json")));
        return created(Views.restApi(api));
    }

    private EdgeResponse getResources(Call call) {
        boolean embed = call.queryAll("embed").contains("methods");
        var resources = apis.get(call.param("api")).resources().values().stream()
                .sorted(Comparator.comparing(ApiResource::path)).toList();
        return ok(Views.page(resources, r -> Views.resource(r, embed)));
    }

    private EdgeResponse putMethod(Call call) {
        String httpMethod = call.param("method");
        if (!HTTP_METHODS.contains(httpMethod)) {
            throw ControlErrors.badRequest("Invalid HttpMethod specified. Valid options are "
                    + "GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY");
        }
        Input body = call.body();
        String authorization = body.required("authorizationType");
        if (!AUTHORIZATION_TYPES.contains(authorization)) {
            throw ControlErrors.badRequest("Invalid authorization type specified: " + authorization);
        }
        Map<String, Boolean> parameters = body.booleanMap("requestParameters");
        parameters.keySet().stream().filter(p -> !REQUEST_PARAMETER.matcher(p).matches()).findFirst()
                .ifPresent(p -> {
                    throw ControlErrors.badRequest("Invalid mapping expression specified: " + p);
                });
        Map<String, String> models = body.stringMap("requestModels");
        Optional<String> validatorId = body.string("requestValidatorId");
        RestApi updated = apis.update(call.param("api"), api -> {
            ApiResource resource = api.resource(call.param("resource"))
                    .orElseThrow(() -> ControlErrors.notFound("Invalid Resource identifier specified"));
            if (resource.methods().containsKey(httpMethod)) {
                throw ControlErrors.conflict("Method already exists for this resource");
            }
            validatorId.filter(id -> !api.validators().containsKey(id)).ifPresent(id -> {
                throw ControlErrors.badRequest("Invalid Request Validator identifier specified");
            });
            models.values().stream().filter(m -> !api.models().containsKey(m)).findFirst().ifPresent(m -> {
                throw ControlErrors.badRequest("Invalid model identifier specified: " + m);
            });
            var method = new Method(httpMethod, authorization, body.bool("apiKeyRequired").orElse(false),
                    validatorId, body.string("operationName"), parameters, models, Map.of(), Optional.empty());
            return api.withResource(resource.withMethod(method));
        });
        return created(Views.method(updated.resource(call.param("resource")).orElseThrow()
                .method(httpMethod).orElseThrow()));
    }

    private EdgeResponse createModel(Call call) {
        Input body = call.body();
        String name = body.required("name");
        if (!MODEL_NAME.matcher(name).matches()) {
            throw ControlErrors.badRequest("Model name must be alphanumeric: " + name);
        }
        Optional<String> schema = body.string("schema");
        schema.ifPresent(RestApiOperations::checkSchema);
        var model = new Model(Ids.next(), name, body.string("description"), schema, body.required("contentType"));
        apis.update(call.param("api"), api -> {
            if (api.models().containsKey(name)) {
                throw ControlErrors.conflict("Model name already exists for this REST API");
            }
            return api.withModel(model);
        });
        return created(Views.model(model));
    }

    private static void checkSchema(String schema) {
        try {
            if (!Json.parse(schema).isObject()) {
                throw ControlErrors.badRequest("Invalid model specified: the schema must be a JSON object");
            }
        } catch (JacksonException e) {
            throw ControlErrors.badRequest("Invalid model specified: the schema is not valid JSON");
        }
    }

    private EdgeResponse createValidator(Call call) {
        Input body = call.body();
        var validator = new RequestValidator(Ids.next(), body.string("name").orElse(""),
                body.bool("validateRequestBody").orElse(false), body.bool("validateRequestParameters").orElse(false));
        apis.update(call.param("api"), api -> api.withValidator(validator));
        return created(Views.validator(validator));
    }
}
