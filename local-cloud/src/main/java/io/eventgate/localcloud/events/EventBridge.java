package io.eventgate.localcloud.events;

import io.eventgate.localcloud.edge.AwsJsonService;
import io.eventgate.localcloud.events.apidestination.ApiDestinationFeature;
import io.eventgate.localcloud.events.archive.Archives;
import io.eventgate.localcloud.events.archive.Replays;
import io.eventgate.localcloud.events.delivery.DeliveryDispatcher;
import io.eventgate.localcloud.events.delivery.DeliverySettings;
import io.eventgate.localcloud.events.delivery.EventBusTargetDelivery;
import io.eventgate.localcloud.events.delivery.SqsTargets;
import io.eventgate.localcloud.events.delivery.TargetDelivery;
import io.eventgate.localcloud.sqs.LocalQueues;
import io.eventgate.localcloud.state.StateStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * local-cloud's EventBridge: the JSON 1.1 {@code AWSEvents.*} service and its delivery machinery.
 *
 * <p>In-process callers (API Gateway's AWS integration) reach {@code PutEvents} through the edge like any client: an
 * {@code EdgeRequest} with {@code X-Amz-Target: AWSEvents.PutEvents}, or {@link AwsJsonService#invoke} on
 * {@link #edgeService()}.
 */
public final class EventBridge implements AutoCloseable {

    /** The {@code X-Amz-Target} prefix of EventBridge operations. */
    public static final String TARGET_PREFIX = "AWSEvents";

    private final AwsJsonService service;
    private final DeliveryDispatcher dispatcher;
    private final ExecutorService executor;
    private final Replays replays;
    private final ApiDestinationFeature apiDestinations;

    private EventBridge(AwsJsonService service, DeliveryDispatcher dispatcher, ExecutorService executor,
                        Replays replays, ApiDestinationFeature apiDestinations) {
        this.service = service;
        this.dispatcher = dispatcher;
        this.executor = executor;
        this.replays = replays;
        this.apiDestinations = apiDestinations;
    }

    /**
     * Starts EventBridge with its {@code default} bus.
     *
     * @param sqsQueues the SQS backend's queues in-process, which SQS targets and dead-letter queues are sent to
     * @param queuePolicies a queue's {@code Policy} document by queue name (kept by local-cloud's SQS edge)
     * @param extraTargets further target kinds (tried before the built-in SQS and event-bus ones)
     */
    public static EventBridge start(String region, String accountId, LocalQueues sqsQueues,
                                    Function<String, Optional<String>> queuePolicies, Clock clock,
                                    DeliverySettings settings, List<TargetDelivery> extraTargets) {
        return start(region, accountId, sqsQueues, queuePolicies, clock, settings, extraTargets,
                StateStore.inMemory());
    }

    /**
     * Starts EventBridge with what the data directory holds (buses, rules and targets, connections, API destinations,
     * archives and their events, replays), then resumes the deliveries and replays that were under way.
     *
     * @param state where changes are stored; {@link StateStore#inMemory()} keeps nothing
     */
    public static EventBridge start(String region, String accountId, LocalQueues sqsQueues,
                                    Function<String, Optional<String>> queuePolicies, Clock clock,
                                    DeliverySettings settings, List<TargetDelivery> extraTargets, StateStore state) {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        Buses buses = new Buses(new Arns(region, accountId), clock, state);
        SqsTargets sqs = new SqsTargets(sqsQueues, clock, accountId, executor, queuePolicies);
        // The bus-to-bus strategy needs the router, which needs the dispatcher: close the loop through a reference.
        AtomicReference<EventRouter> router = new AtomicReference<>();
        List<TargetDelivery> strategies = new ArrayList<>(extraTargets);
        ApiDestinationFeature apiDestinations = new ApiDestinationFeature(region, accountId, clock, state);
        strategies.add(apiDestinations.targetDelivery());
        strategies.add(sqs.targets());
        strategies.add(new EventBusTargetDelivery((busArn, event) -> router.get().ingest(busArn, event)));
        DeliveryDispatcher dispatcher = new DeliveryDispatcher(strategies, sqs.deadLetters(), clock, settings, state);
        Archives archives = new Archives(region, accountId, clock,
                arn -> buses.find(Arns.busName(arn)).filter(bus -> bus.arn().equals(arn)).isPresent(), state);
        router.set(new EventRouter(buses, dispatcher, clock, archives));
        Replays replays = new Replays(region, accountId, clock, archives, router.get(), state);

        BusOperations busOps = new BusOperations(buses);
        RuleOperations ruleOps = new RuleOperations(buses);
        TargetOperations targetOps = new TargetOperations(buses, ruleOps, dispatcher);
        PutEventsOperation putEvents = new PutEventsOperation(buses, router.get(), clock);
        TagOperations tagOps = new TagOperations(buses);
        Map<String, AwsJsonService.Operation> operations = new HashMap<>(Map.ofEntries(
                Map.entry("CreateEventBus", busOps::create),
                Map.entry("DescribeEventBus", busOps::describe),
                Map.entry("ListEventBuses", busOps::list),
                Map.entry("DeleteEventBus", busOps::delete),
                Map.entry("PutRule", ruleOps::put),
                Map.entry("DescribeRule", ruleOps::describe),
                Map.entry("ListRules", ruleOps::list),
                Map.entry("EnableRule", ruleOps::enable),
                Map.entry("DisableRule", ruleOps::disable),
                Map.entry("DeleteRule", ruleOps::delete),
                Map.entry("TestEventPattern", ruleOps::testEventPattern),
                Map.entry("PutTargets", targetOps::put),
                Map.entry("ListTargetsByRule", targetOps::list),
                Map.entry("RemoveTargets", targetOps::remove),
                Map.entry("PutEvents", putEvents::put),
                Map.entry("TagResource", tagOps::tag),
                Map.entry("UntagResource", tagOps::untag),
                Map.entry("ListTagsForResource", tagOps::list)));
        operations.putAll(apiDestinations.operations());
        operations.putAll(archives.operations());
        operations.putAll(replays.operations());
        AwsJsonService service = new AwsJsonService("events", TARGET_PREFIX, "application/x-amz-json-1.1",
                operations);
        targetOps.restore(state);
        dispatcher.resume();
        replays.resume();
        return new EventBridge(service, dispatcher, executor, replays, apiDestinations);
    }

    /** The edge service answering {@code AWSEvents.*}. */
    public AwsJsonService edgeService() {
        return service;
    }

    /** Every delivery attempt (served by {@link io.eventgate.localcloud.events.delivery.DeliveryLogService}). */
    public io.eventgate.localcloud.events.delivery.DeliveryLog deliveryLog() {
        return dispatcher.log();
    }

    /** Deliveries accepted and not yet finished (for benchmarks and diagnostics). */
    public int deliveriesInFlight() {
        return dispatcher.inFlight();
    }

    @Override
    public void close() {
        // Upstream first: replays feed the dispatcher, whose retries call the API-destination strategy.
        replays.close();
        dispatcher.close();
        apiDestinations.close();
        executor.shutdownNow();
    }
}
