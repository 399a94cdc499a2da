package io.eventgate.orders;

import io.eventgate.orders.support.IntegrationTest;
import io.eventgate.web.testing.ContainerRejectionsContract;
import java.util.List;
import org.springframework.boot.test.web.server.LocalServerPort;

/** orders-service answers the web server's own refusals as problem+json (see {@link ContainerRejectionsContract}). */
class ContainerRejectionsTest extends IntegrationTest implements ContainerRejectionsContract {

    @LocalServerPort
    int port;

    @Override
    public int port() {
        return port;
    }

    @Override
    public String servedPath() {
        return "/orders";
    }

    @Override
    public List<String> credentials() {
        return List.of("Authorization: " + operatorAuthorization());
    }
}
