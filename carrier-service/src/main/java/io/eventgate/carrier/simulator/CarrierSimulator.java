package io.eventgate.carrier.simulator;

import io.eventgate.carrier.shipment.IllegalTransitionException;
import io.eventgate.carrier.shipment.Shipment;
import io.eventgate.carrier.shipment.ShipmentService;
import io.eventgate.carrier.shipment.ShipmentStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Dispatches and delivers shipments once they are due, when {@code eventgate.carrier.simulator.enabled=true}. */
@Component
@ConditionalOnProperty(name = "eventgate.carrier.simulator.enabled", havingValue = "true")
class CarrierSimulator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CarrierSimulator.class);

    private final ShipmentService shipments;
    private final SimulatorSettings settings;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    CarrierSimulator(ShipmentService shipments, SimulatorSettings settings, Clock clock) {
        this.shipments = shipments;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("carrier-simulator").daemon()
                .factory());
        long every = settings.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        log.info("simulator on: dispatch after {}, deliver after {}", settings.dispatchAfter(), settings.deliverAfter());
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    void tick() {
        try {
            Instant now = clock.instant();
            progress(ShipmentStatus.RECEIVED, now.minus(settings.dispatchAfter()), s -> shipments.dispatch(s.orderId()));
            progress(ShipmentStatus.SHIPPED, now.minus(settings.deliverAfter()), s -> shipments.deliver(s.orderId()));
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again; the store being away for a moment must not end it
            log.warn("simulator tick failed, trying again in {}: {}", settings.pollInterval(), e.toString());
        }
    }

    private void progress(ShipmentStatus status, Instant cutoff, Consumer<Shipment> step) {
        for (Shipment shipment : shipments.inStatusSince(status, cutoff, settings.batchSize())) {
            try {
                step.accept(shipment);
            } catch (IllegalTransitionException movedOn) {
                log.debug("simulator skipped order {}: {}", shipment.orderId(), movedOn.getMessage());
            }
        }
    }
}
