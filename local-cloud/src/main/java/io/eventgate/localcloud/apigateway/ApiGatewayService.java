package io.eventgate.localcloud.apigateway;

import io.eventgate.localcloud.apigateway.control.ControlPlane;
import io.eventgate.localcloud.apigateway.control.KeyStore;
import io.eventgate.localcloud.apigateway.control.RestApiStore;
import io.eventgate.localcloud.apigateway.execute.ExecuteApi;
import io.eventgate.localcloud.apigateway.usage.UsageLimiter;
import io.eventgate.localcloud.edge.EdgeRequest;
import io.eventgate.localcloud.edge.EdgeResponse;
import io.eventgate.localcloud.edge.EdgeService;
import io.eventgate.localcloud.state.StateStore;
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
        this(accountId, clock, services, client, StateStore.inMemory());
    }

    /** API Gateway with what the data directory holds: APIs, deployments, stages, keys, plans, quota counters. */
    public ApiGatewayService(String accountId, Clock clock, Function<EdgeRequest, EdgeResponse> services,
                             HttpClient client, StateStore state) {
        RestApiStore apis = new RestApiStore(clock, state);
        KeyStore keys = new KeyStore(clock, state);
        this.control = new ControlPlane(apis, keys, state);
        this.execute = new ExecuteApi(accountId, apis, keys, new UsageLimiter(clock, state), clock, services, client);
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
