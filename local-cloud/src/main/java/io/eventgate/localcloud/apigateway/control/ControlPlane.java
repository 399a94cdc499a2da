package io.eventgate.localcloud.apigateway.control;

import io.eventgate.localcloud.edge.AwsErrors;
import io.eventgate.localcloud.edge.AwsException;
import io.eventgate.localcloud.edge.AwsRequests;
import io.eventgate.localcloud.edge.EdgeRequest;
import io.eventgate.localcloud.edge.EdgeResponse;
import io.eventgate.localcloud.json.Json;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * API Gateway's REST-JSON control plane. Requests are recognised by path and by the SigV4 signing service
 * {@code apigateway}; errors come in API Gateway's shape ({@code x-amzn-ErrorType} + {@code {"message": ...}}), and
 * an operation local-cloud does not implement is answered with an error naming it.
 */
public final class ControlPlane {

    private static final Logger log = LoggerFactory.getLogger(ControlPlane.class);
    private static final Set<String> ROOTS = Set.of("restapis", "apikeys", "usageplans", "tags", "domainnames",
            "vpclinks", "clientcertificates", "account", "sdktypes");

    private final ControlRoutes routes = new ControlRoutes();

    public ControlPlane(RestApiStore apis, KeyStore keys) {
        this(apis, keys, io.eventgate.localcloud.state.StateStore.inMemory());
    }

    public ControlPlane(RestApiStore apis, KeyStore keys, io.eventgate.localcloud.state.StateStore state) {
        var restApis = new RestApiOperations(apis);
        restApis.register(routes);
        new IntegrationOperations(apis, restApis).register(routes);
        new DeploymentOperations(apis).register(routes);
        new KeyOperations(keys, apis).register(routes);
        new TagOperations(apis, keys).register(routes);
        new AccountOperations(state).register(routes);
    }

    /** Whether a request is an API Gateway (v1) control-plane call. */
    public static boolean accepts(EdgeRequest request) {
        if (AwsRequests.signingService(request).filter("apigateway"::equals).isEmpty()) {
            return false;
        }
        String path = request.path();
        int end = path.indexOf('/', 1);
        return ROOTS.contains(end < 0 ? path.substring(1) : path.substring(1, end));
    }

    public EdgeResponse handle(EdgeRequest request) {
        var match = routes.match(request.method(), request.path());
        if (match.isEmpty()) {
            String call = request.method() + " " + request.path();
            String operation = OperationNames.guess(request.method(), request.path());
            if (operation.equals(call)) {
                log.warn("API Gateway has no operation at {}", call);
                return AwsErrors.restJson(404, "UnknownOperationException",
                        "API Gateway has no operation at " + call);
            }
            log.warn("API Gateway operation {} ({}) is not implemented by local-cloud", operation, call);
            return AwsErrors.restJson(501, "NotImplemented",
                    "Operation " + operation + " of service apigateway is not implemented by local-cloud");
        }
        try {
            JsonNode body = request.body().length == 0 ? Json.object() : Json.parse(request.body());
            if (!body.isObject()) {
                return AwsErrors.restJson(400, "BadRequestException", "The request body must be a JSON object");
            }
            return match.get().route().handler().handle(new Call(request, match.get().params(), new Input(body)));
        } catch (JacksonException e) {
            return AwsErrors.restJson(400, "BadRequestException", "The request body is not valid JSON");
        } catch (AwsException e) {
            return AwsErrors.restJson(e.status(), e.errorCode(), e.getMessage());
        }
    }
}
