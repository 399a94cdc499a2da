package io.eventgate.localcloud.edge;

/**
 * One AWS service (or other endpoint) served behind the edge port.
 *
 * <p>The edge asks each registered service in turn whether it {@linkplain #accepts accepts} a request and hands the
 * request to the first that does. Implementations must be thread-safe: the edge calls them concurrently.
 */
public interface EdgeService {

    /** Short service name as AWS spells it in SigV4 scopes ({@code dynamodb}, {@code sqs}, {@code events}, ...). */
    String name();

    /** Whether this service handles the request (by {@code X-Amz-Target}, path, or protocol). */
    boolean accepts(EdgeRequest request);

    /** Handles a request this service accepted. Exceptions become a 500 in the protocol's error shape. */
    EdgeResponse handle(EdgeRequest request) throws Exception;

    /** Whether the service is able to serve requests now; reported by the health endpoint. */
    default boolean healthy() {
        return true;
    }
}
