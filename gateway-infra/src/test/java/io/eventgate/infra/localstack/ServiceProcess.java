package io.eventgate.infra.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One of the two services started from its executable jar as a separate process on the host, as {@code ./eventgate
 * run} starts it: the same jar, settings from the environment. A container reaches it through Testcontainers' host
 * port exposure.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final URI base;

    private ServiceProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.base = URI.create("http://localhost:" + port);
    }

    /**
     * Starts the jar named by a system property (the Maven build sets it) on the port, with the environment added.
     *
     * @throws AssertionError when the jar is not there: the services must be packaged before this test runs
     */
    public static ServiceProcess start(String name, String jarProperty, int port, Map<String, String> environment,
                                       Path logDirectory) throws IOException {
        String jar = System.getProperty(jarProperty, "");
        if (jar.isEmpty() || !Files.isRegularFile(Path.of(jar))) {
            throw new AssertionError(name + "'s jar is missing (system property " + jarProperty + " = '" + jar
                    + "'): run the build with LOCALSTACK_AUTH_TOKEN set and at least the package phase, e.g."
                    + " ./mvnw -pl gateway-infra -am verify, so that Maven packages the services first");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-jar", jar,
                "--server.port=" + port));
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new ServiceProcess(name, builder.start(), log, port);
    }

    /** A port nothing listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public URI base() {
        return base;
    }

    /** Waits until {@code /actuator/health} answers UP; fails early, with the log's tail, if the process died. */
    public ServiceProcess awaitHealthy(Duration atMost) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log tail:\n"
                        + tail());
            }
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        });
        return this;
    }

    /** The last lines of the process's log, to make a failure readable. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
