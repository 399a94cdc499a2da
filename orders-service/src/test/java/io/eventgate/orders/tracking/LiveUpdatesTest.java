package io.eventgate.orders.tracking;

import static org.awaitility.Awaitility.await;

import io.eventgate.orders.order.OrderService;
import io.eventgate.orders.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the live-update tests: the running service, its streams, and a change feed that follows before each test. */
abstract class LiveUpdatesTest extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    OrderService orders;

    @Autowired
    UpdateStreams streams;

    /** A new context's change feed finds the table's stream a moment after start; until then streams are refused. */
    @BeforeEach
    void waitUntilTheChangeFeedFollows() {
        await().atMost(WAIT).until(streams::isFollowing);
    }
}
