package io.eventgate.carrier;

import io.eventgate.web.testing.ContainerRejectionsContract;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** carrier-service answers the web server's own refusals as problem+json (see {@link ContainerRejectionsContract}). */
class ContainerRejectionsTest implements ContainerRejectionsContract {

    private static StubGateway gateway;
    private static RunningCarrier carrier;

    @BeforeAll
    static void start() {
        gateway = StubGateway.start();
        carrier = RunningCarrier.start(RunningCarrier.newTable(), gateway.url());
    }

    @AfterAll
    static void stop() {
        carrier.close();
        gateway.close();
    }

    @Override
    public int port() {
        return carrier.port();
    }

    @Override
    public String servedPath() {
        return "/shipments";
    }

    @Override
    public List<String> credentials() {
        return List.of("Authorization: " + RunningCarrier.BACK_OFFICE_AUTHORIZATION);
    }
}
