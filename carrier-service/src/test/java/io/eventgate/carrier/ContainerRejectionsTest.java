package io.eventgate.carrier;

import io.eventgate.web.testing.ContainerRejectionsContract;
import java.util.List;

/** carrier-service answers the web server's own refusals as problem+json (see {@link ContainerRejectionsContract}). */
class ContainerRejectionsTest extends RunningCarrierTest implements ContainerRejectionsContract {

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
