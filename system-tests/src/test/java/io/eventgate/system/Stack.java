package io.eventgate.system;

import io.eventgate.testprocesses.Program;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system as separate processes on free ports, as {@code ./eventgate run} starts it: local-cloud (keeping
 * its state in the work directory), the topology applied by gateway-infra, and the services. Closing it stops every
 * process it started, the last first.
 */
final class Stack implements AutoCloseable {

    final int edgePort = Program.freePort();
    final int carrierPort = Program.freePort();
    final int ordersPort = Program.freePort();
    final URI edge = URI.create("http://localhost:" + edgePort);
    final URI carrier = URI.create("http://localhost:" + carrierPort);
    final URI orders = URI.create("http://localhost:" + ordersPort);

    /** This run's own logs directory (see {@link Program#runLogs}). */
    final Path logs;
    private final Path work;
    private final List<Program> programs = new ArrayList<>();
    private final Map<Program, URI> health = new IdentityHashMap<>();

    /** @param run names this run's logs directory */
    Stack(Path work, String run) throws IOException {
        this.work = work;
        this.logs = Program.runLogs(run);
    }

    /** Starts local-cloud on the edge port (again, after a kill: its state is kept in the work directory). */
    Program startLocalCloud() throws IOException {
        return add(Program.of(logs, "local-cloud", List.of("-Xmx768m"),
                List.of("--port", String.valueOf(edgePort), "--data-dir", work.resolve("local-cloud").toString()),
                Map.of()).start()).awaitHealthy(edge.resolve("/_localcloud/health"), Duration.ofMinutes(3));
    }

    /** Applies the topology with gateway-infra; returns the settings it wrote for the services (a mutable copy). */
    Map<String, String> applyTopology() throws Exception {
        Path envFile = work.resolve("eventgate.env");
        Program.of(logs, "gateway-infra", List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                List.of("apply", "--endpoint", edge.toString(), "--env-file", envFile.toString(),
                        "--set", "carrier.outbound.baseUrl=" + carrier, "--set", "gateway.stage=local"), Map.of())
                .runToCompletion(Duration.ofMinutes(5));
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(envFile)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                settings.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return settings;
    }

    /** Starts carrier-service with these arguments and settings; {@link #awaitHealthy} waits for it. */
    Program startCarrier(List<String> arguments, Map<String, String> settings) throws IOException {
        Program service = add(Program.of(logs, "carrier-service", List.of("-Xmx384m"), arguments, settings).start());
        health.put(service, carrier.resolve("/actuator/health"));
        return service;
    }

    /** Starts orders-service with these arguments and settings; {@link #awaitHealthy} waits for it. */
    Program startOrders(List<String> arguments, Map<String, String> settings) throws IOException {
        Program service = add(Program.of(logs, "orders-service", List.of("-Xmx384m"), arguments, settings).start());
        health.put(service, orders.resolve("/actuator/health"));
        return service;
    }

    /** Waits until a service started here answers healthy (several may start at once and be awaited after). */
    Program awaitHealthy(Program service) {
        return service.awaitHealthy(health.get(service), Duration.ofMinutes(3));
    }

    /** Forgets a program the test stopped itself. */
    void stopped(Program program) {
        programs.remove(program);
    }

    private Program add(Program program) {
        programs.add(program);
        return program;
    }

    @Override
    public void close() throws InterruptedException {
        for (Program program : programs.reversed()) {
            program.close();
        }
    }
}
