package io.eventgate.carrier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the tests that talk to one carrier-service, started once per test class on a fresh table, reporting to
 * a {@link StubGateway}.
 */
public abstract class RunningCarrierTest {

    protected static StubGateway gateway;
    protected static RunningCarrier carrier;

    @BeforeAll
    static void startCarrier() {
        gateway = StubGateway.start();
        carrier = RunningCarrier.start(RunningCarrier.newTable(), gateway.url());
    }

    @AfterAll
    static void stopCarrier() {
        carrier.close();
        gateway.close();
    }
}
