package io.eventgate.localcloud.edge;

/**
 * A service that stands in front of a backend (DynamoDB Local, ElasticMQ): it answers what the backend lacks and
 * passes the rest on, and is named, routed and health-checked as the backend is.
 */
public abstract class FrontService implements EdgeService {

    /** Where whatever this service does not answer itself goes. */
    protected final EdgeService backend;

    protected FrontService(EdgeService backend) {
        this.backend = backend;
    }

    @Override
    public final String name() {
        return backend.name();
    }

    @Override
    public final boolean accepts(EdgeRequest request) {
        return backend.accepts(request);
    }

    @Override
    public final boolean healthy() {
        return backend.healthy();
    }
}
