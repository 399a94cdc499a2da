package io.eventgate.localcloud.apigateway.control;

import static io.eventgate.localcloud.apigateway.control.ControlRoutes.accepted;
import static io.eventgate.localcloud.apigateway.control.ControlRoutes.created;
import static io.eventgate.localcloud.apigateway.control.ControlRoutes.ok;

import io.eventgate.localcloud.apigateway.model.ApiResource;
import io.eventgate.localcloud.apigateway.model.Integration;
import io.eventgate.localcloud.apigateway.model.IntegrationResponse;
import io.eventgate.localcloud.apigateway.model.Method;
import io.eventgate.localcloud.apigateway.model.MethodResponse;
import io.eventgate.localcloud.apigateway.model.RestApi;
import io.eventgate.localcloud.edge.EdgeResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Method responses, integrations and integration responses. */
final class IntegrationOperations {

    private static final String METHOD = "/restapis/{api}/resources/{resource}/methods/{method}";
    private static final Set<String> TYPES = Set.of("AWS", "AWS_PROXY", "HTTP", "HTTP_PROXY", "MOCK");
    private static final Set<String> PASSTHROUGH = Set.of("WHEN_NO_MATCH", "WHEN_NO_TEMPLATES", "NEVER");
    private static final Pattern STATUS = Pattern.compile("[1-5]\\d\\d");
    private static final int MAX_TIMEOUT_MILLIS = 29_000;

    private final RestApiStore apis;
    private final RestApiOperations methods;

    IntegrationOperations(RestApiStore apis, RestApiOperations methods) {
        this.apis = apis;
        this.methods = methods;
    }

    void register(ControlRoutes routes) {
        routes.add("PUT", METHOD + "/responses/{status}", "PutMethodResponse", this::putMethodResponse)
                .add("GET", METHOD + "/responses/{status}", "GetMethodResponse", c -> ok(Views.methodResponse(
                        Optional.ofNullable(methods.method(c).responses().get(c.param("status")))
                                .orElseThrow(() -> ControlErrors.notFound("Invalid Response status code specified")))))
                .add("PUT", METHOD + "/integration", "PutIntegration", this::putIntegration)
                .add("GET", METHOD + "/integration", "GetIntegration", c -> ok(Views.integration(integration(c))))
                .add("DELETE", METHOD + "/integration", "DeleteIntegration", c -> {
                    integration(c);
                    changeMethod(c, m -> m.withIntegration(Optional.empty()));
                    return accepted();
                })
                .add("PUT", METHOD + "/integration/responses/{status}", "PutIntegrationResponse",
                        this::putIntegrationResponse)
                .add("GET", METHOD + "/integration/responses/{status}", "GetIntegrationResponse",
                        c -> ok(Views.integrationResponse(Optional.ofNullable(
                                integration(c).responses().get(c.param("status")))
                                .orElseThrow(() -> ControlErrors.notFound("Invalid Response status code specified")))));
    }

    private Integration integration(Call call) {
        return methods.method(call).integration()
                .orElseThrow(() -> ControlErrors.notFound("Invalid Integration identifier specified"));
    }

    private Method changeMethod(Call call, UnaryOperator<Method> change) {
        RestApi api = apis.update(call.param("api"), current -> {
            ApiResource resource = current.resource(call.param("resource"))
                    .orElseThrow(() -> ControlErrors.notFound("Invalid Resource identifier specified"));
            Method method = resource.method(call.param("method"))
                    .orElseThrow(() -> ControlErrors.notFound("Invalid Method identifier specified"));
            return current.withResource(resource.withMethod(change.apply(method)));
        });
        return api.resource(call.param("resource")).orElseThrow().method(call.param("method")).orElseThrow();
    }

    private EdgeResponse putMethodResponse(Call call) {
        String status = status(call);
        var response = new MethodResponse(status, call.body().booleanMap("responseParameters"),
                call.body().stringMap("responseModels"));
        changeMethod(call, m -> m.withResponse(response));
        return created(Views.methodResponse(response));
    }

    private EdgeResponse putIntegration(Call call) {
        Input body = call.body();
        String type = body.required("type");
        if (!TYPES.contains(type)) {
            throw ControlErrors.badRequest("Invalid integration type specified: " + type);
        }
        Optional<String> uri = body.string("uri").filter(u -> !u.isEmpty());
        Optional<String> httpMethod = body.string("httpMethod").filter(u -> !u.isEmpty());
        if (!type.equals("MOCK")) {
            if (uri.isEmpty()) {
                throw ControlErrors.badRequest("Invalid integration URI specified");
            }
            if (httpMethod.isEmpty()) {
                throw ControlErrors.badRequest("Enumeration value for HttpMethod must be non-empty");
            }
        }
        if (type.startsWith("AWS") && !uri.orElseThrow().startsWith("arn:aws:apigateway:")) {
            throw ControlErrors.badRequest("AWS ARN for integration must contain path or action");
        }
        String passthrough = body.string("passthroughBehavior").orElse("WHEN_NO_MATCH");
        if (!PASSTHROUGH.contains(passthrough)) {
            throw ControlErrors.badRequest("Invalid passthrough behavior specified: " + passthrough);
        }
        int timeout = body.number("timeoutInMillis").map(Double::intValue).orElse(MAX_TIMEOUT_MILLIS);
        if (timeout < 50 || timeout > MAX_TIMEOUT_MILLIS) {
            throw ControlErrors.badRequest("Timeout should be between 50 ms and " + MAX_TIMEOUT_MILLIS + " ms");
        }
        Method changed = changeMethod(call, m -> m.withIntegration(Optional.of(new Integration(type, httpMethod, uri,
                body.string("credentials"), body.stringMap("requestParameters"), body.stringMap("requestTemplates"),
                passthrough, timeout, body.string("contentHandling"),
                m.integration().map(Integration::responses).orElse(Map.of())))));
        return created(Views.integration(changed.integration().orElseThrow()));
    }

    private EdgeResponse putIntegrationResponse(Call call) {
        String status = status(call);
        Input body = call.body();
        Optional<String> pattern = body.string("selectionPattern");
        pattern.ifPresent(p -> {
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                throw ControlErrors.badRequest("Invalid selection pattern specified: " + p);
            }
        });
        var response = new IntegrationResponse(status, pattern, body.stringMap("responseParameters"),
                body.stringMap("responseTemplates"), body.string("contentHandling"));
        changeMethod(call, m -> {
            Integration integration = m.integration()
                    .orElseThrow(() -> ControlErrors.notFound("Invalid Integration identifier specified"));
            if (!m.responses().containsKey(status)) {
                throw ControlErrors.notFound("Invalid Response status code specified");
            }
            return m.withIntegration(Optional.of(integration.withResponse(response)));
        });
        return created(Views.integrationResponse(response));
    }

    private static String status(Call call) {
        String status = call.param("status");
        if (!STATUS.matcher(status).matches()) {
            throw ControlErrors.badRequest("Invalid status code: " + status);
        }
        return status;
    }
}
