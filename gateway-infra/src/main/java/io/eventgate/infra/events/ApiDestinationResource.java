package io.eventgate.infra.events;

import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.NamedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ApiDestinationHttpMethod;
import software.amazon.awssdk.services.eventbridge.model.ApiDestinationState;
import software.amazon.awssdk.services.eventbridge.model.DescribeApiDestinationResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

/**
 * The API destination {@code POST {carrier}/shipments} with its invocation rate limit, using the connection. After
 * apply it must be {@code ACTIVE}: EventBridge invokes no inactive destination.
 */
public final class ApiDestinationResource extends NamedResource {

    private final String destination;
    private final String connection;
    private final String url;
    private final int rateLimitPerSecond;
    private final EventBridgeClient events;

    public ApiDestinationResource(String destination, String connection, String url, int rateLimitPerSecond,
                                  EventBridgeClient events) {
        super("eventbridge api destination", destination);
        this.destination = destination;
        this.connection = connection;
        this.url = url;
        this.rateLimitPerSecond = rateLimitPerSecond;
        this.events = events;
    }

    public static String arnFact(String destination) {
        return "events.api-destination." + destination + ".arn";
    }

    /** The connection the destination authenticates with. */
    public String connection() {
        return connection;
    }

    /** The invocation endpoint. */
    public String url() {
        return url;
    }

    /** The HTTP method of every invocation. */
    public String httpMethod() {
        return ApiDestinationHttpMethod.POST.toString();
    }

    public int rateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    @Override
    public Change plan(Facts facts) {
        String connectionArn = facts.require(ConnectionResource.arnFact(connection));
        Optional<DescribeApiDestinationResponse> live = describe();
        if (live.isEmpty()) {
            return Change.create(() -> facts.put(arnFact(destination), events.createApiDestination(b -> b
                    .name(destination).connectionArn(connectionArn).invocationEndpoint(url)
                    .httpMethod(ApiDestinationHttpMethod.POST).invocationRateLimitPerSecond(rateLimitPerSecond)
                    .description("Shipment requests to the carrier")).apiDestinationArn()));
        }
        DescribeApiDestinationResponse current = live.get();
        facts.put(arnFact(destination), current.apiDestinationArn());
        List<String> details = new ArrayList<>();
        if (!connectionArn.equals(current.connectionArn())) {
            details.add("connection " + current.connectionArn() + " -> " + connectionArn);
        }
        if (!url.equals(current.invocationEndpoint())) {
            details.add("endpoint " + current.invocationEndpoint() + " -> " + url);
        }
        if (current.httpMethod() != ApiDestinationHttpMethod.POST) {
            details.add("method " + current.httpMethodAsString() + " -> POST");
        }
        if (!Objects.equals(current.invocationRateLimitPerSecond(), rateLimitPerSecond)) {
            details.add("rate limit " + current.invocationRateLimitPerSecond() + "/s -> " + rateLimitPerSecond + "/s");
        }
        if (current.apiDestinationState() != ApiDestinationState.ACTIVE) {
            // LocalStack derives the state from the connection's when the destination is created or updated: an
            // update after the connection was fixed is what makes it active again.
            details.add("state " + current.apiDestinationStateAsString() + " -> ACTIVE");
        }
        if (details.isEmpty()) {
            return Change.none();
        }
        return Change.update(details, () -> events.updateApiDestination(b -> b.name(destination)
                .connectionArn(connectionArn).invocationEndpoint(url).httpMethod(ApiDestinationHttpMethod.POST)
                .invocationRateLimitPerSecond(rateLimitPerSecond)));
    }

    @Override
    public Optional<String> verify(Facts facts) {
        DescribeApiDestinationResponse live = events.describeApiDestination(b -> b.name(destination));
        if (live.apiDestinationState() == ApiDestinationState.ACTIVE) {
            return Optional.empty();
        }
        String connectionState = events.describeConnection(b -> b.name(connection)).connectionStateAsString();
        return Optional.of(inactive(destination, live.apiDestinationStateAsString(), connection, connectionState));
    }

    static String inactive(String destination, String state, String connection, String connectionState) {
        return "API destination " + destination + " is " + state + ", not ACTIVE: EventBridge invokes no inactive"
                + " destination, so no order would reach the carrier. Its connection " + connection + " is "
                + connectionState + ("AUTHORIZED".equals(connectionState) ? "" : ": fix the connection first (see its"
                + " line)") + ", then run apply again, which updates the destination so that it is activated";
    }

    @Override
    public Change planDeletion(Facts facts) {
        return describe().isEmpty() ? Change.none()
                : Change.delete(() -> events.deleteApiDestination(b -> b.name(destination)));
    }

    private Optional<DescribeApiDestinationResponse> describe() {
        try {
            return Optional.of(events.describeApiDestination(b -> b.name(destination)));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }
}
