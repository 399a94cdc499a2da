package io.eventgate.localcloud.apigateway;

import io.eventgate.localcloud.apigateway.control.ControlPlane;
import io.eventgate.localcloud.apigateway.control.KeyStore;
import io.eventgate.localcloud.apigateway.control.RestApiStore;
import io.eventgate.localcloud.apigateway.execute.ExecuteApi;
import io.eventgate.localcloud.apigateway.usage.UsageLimiter;
import io.eventgate.localcloud.edge.EdgeRequest;
import io.eventgate.localcloud.edge.EdgeResponse;
import io.eventgate.localcloud.edge.EdgeService;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.function.Function;

/**
 * API Gateway REST APIs: the REST-JSON control plane (requests signed for {@code apigateway} under
 * {@code /restapis}, {@code /apikeys}, {@code /usageplans}, {@code /tags}) and the data plane at
 * {@code /_aws/execute-api/{apiId}/{stage}/{path}}.
 */
public final class ApiGatewayService implements EdgeService {

    private final ControlPlane control;
    private final ExecuteApi execute;

    /**
     * @param accountId the account {@code $context.accountId} reports
     * @param clock     time for created dates, {@code $context.requestTimeEpoch}, throttles and quotas
     * @param services  answers the AWS requests {@code AWS} integrations make; local-cloud passes its edge router,
     *                  so {@code PutEvents} reaches local-cloud's own EventBridge in-process
     * @param client    calls {@code HTTP} and {@code HTTP_PROXY} integration backends
     */
    public ApiGatewayService(String accountId, Clock clock, Function<EdgeRequest, EdgeResponse> services,
                             HttpClient client) {
        RestApiStore apis = new RestApiStore(clock);
        KeyStore keys = new KeyStore(clock);
        this.control = new ControlPlane(apis, keys);
        this.execute = new ExecuteApi(accountId, apis, keys, new UsageLimiter(clock), clock, services, client);
    }

    @Override
    public String name() {
        return "apigateway";
    }

    @Override
    public boolean accepts(EdgeRequest request) {
        return ExecuteApi.accepts(request) || ControlPlane.accepts(request);
    }

    @Override
    public EdgeResponse handle(EdgeRequest request) {
        return ExecuteApi.accepts(request) ? execute.handle(request) : control.handle(request);
    }
}
