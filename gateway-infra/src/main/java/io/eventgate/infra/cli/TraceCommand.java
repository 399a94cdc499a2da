package io.eventgate.infra.cli;

import io.eventgate.infra.trace.OrderTrace;
import io.eventgate.infra.trace.StackClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Prints one order's journey across every hop of the running stack, with the time of each hop",
                "and the time since the one before: placed, published to the bus, delivered to the carrier,",
                "dispatched, each report accepted by the gateway and applied by orders-service. For an order that",
                "stopped, names the hop where it is stuck and why.",
                "Credentials from the environment: EVENTGATE_ORDERS_OPERATOR_PASSWORD (orders-service's operator),",
                "EVENTGATE_CARRIER_BACK_OFFICE_PASSWORD (the carrier's back office); user names",
                "EVENTGATE_ORDERS_OPERATOR_USERNAME (operator) and EVENTGATE_CARRIER_BACK_OFFICE_USERNAME (back-office)."},
        footer = {"", "Exit status: 0 every hop done or the next one not due yet, 3 stuck, 1 unknown order or a part of",
                "the stack not answering, 2 bad usage."})
final class TraceCommand implements Callable<Integer> {

    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final Map<String, String> environment;

    @Parameters(paramLabel = "ORDER_ID", description = "The order's id, as POST /orders answered it.")
    private String orderId;

    @Option(names = "--orders-url", paramLabel = "URL", description = "orders-service. Default: $ORDERS_URL, else "
            + "http://localhost:8080.")
    private URI ordersUrl;

    @Option(names = "--carrier-url", paramLabel = "URL", description = "carrier-service. Default: $CARRIER_URL, else "
            + "http://localhost:8081.")
    private URI carrierUrl;

    @Option(names = "--local-cloud-url", paramLabel = "URL", description = "local-cloud's edge, for its delivery log. "
            + "Default: $EVENTGATE_AWS_ENDPOINT, else http://localhost:4566.")
    private URI localCloudUrl;

    @Option(names = "--stuck-after", defaultValue = "PT15S", paramLabel = "DURATION",
            description = "A hop not done this long after the one before counts as stuck (${DEFAULT-VALUE}).")
    private Duration stuckAfter;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    TraceCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (!ORDER_ID.matcher(orderId).matches()) {
            throw new IllegalArgumentException("not an order id: " + orderId);
        }
        var endpoints = new StackClient.Endpoints(
                url(ordersUrl, "ORDERS_URL", "http://localhost:8080"),
                Optional.of(env("EVENTGATE_ORDERS_OPERATOR_USERNAME").orElse("operator")),
                env("EVENTGATE_ORDERS_OPERATOR_PASSWORD"),
                url(carrierUrl, "CARRIER_URL", "http://localhost:8081"),
                Optional.of(env("EVENTGATE_CARRIER_BACK_OFFICE_USERNAME").orElse("back-office")),
                env("EVENTGATE_CARRIER_BACK_OFFICE_PASSWORD"),
                url(localCloudUrl, "EVENTGATE_AWS_ENDPOINT", "http://localhost:4566"));
        try (StackClient stack = new StackClient(endpoints)) {
            OrderTrace.Verdict verdict = new OrderTrace(stack, Clock.systemUTC(), stuckAfter)
                    .trace(orderId, spec.commandLine().getOut());
            return verdict == OrderTrace.Verdict.STUCK ? 3 : 0;
        } catch (StackClient.Unreachable e) {
            spec.commandLine().getErr().println("error: " + e.getMessage() + "; is the stack running?");
            return 1;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
    }

    private URI url(URI option, String variable, String fallback) {
        return option != null ? option : URI.create(env(variable).orElse(fallback));
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }
}
