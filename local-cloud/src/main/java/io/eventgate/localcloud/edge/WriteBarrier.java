package io.eventgate.localcloud.edge;

import java.io.IOException;

/**
 * What the edge waits for before it answers: the state changes the request made are on disk. With persistence off,
 * there is nothing to wait for ({@link #NONE}).
 */
@FunctionalInterface
public interface WriteBarrier {

    WriteBarrier NONE = () -> { };

    /** Blocks until every change the current thread made is durable. */
    void awaitWrites() throws IOException, InterruptedException;
}
