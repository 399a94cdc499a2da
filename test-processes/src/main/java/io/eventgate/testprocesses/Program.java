package io.eventgate.testprocesses;

import static org.awaitility.Awaitility.await;

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

/**
 * One of eventgate's programs started from its executable jar as its own process, as {@code ./eventgate run} starts
 * it; the jar's path comes from a system property the build sets ({@code eventgate.<name>.jar}). A container reaches
 * such a process through Testcontainers' host port exposure.
 */
public final class Program implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    private Program(String name, List<String> command, Map<String, String> environment, Path log) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.log = log;
    }

    /** The jar the build packaged for a program, from the system property {@code eventgate.<name>.jar}. */
    public static Path jar(String name) {
        String jar = System.getProperty("eventgate." + name + ".jar", "");
        if (jar.isEmpty() || !Files.isRegularFile(Path.of(jar))) {
            throw new AssertionError(name + "'s jar is missing (system property eventgate." + name + ".jar = '" + jar
                    + "'): run these tests through Maven (./mvnw verify), which packages the programs first");
        }
        return Path.of(jar);
    }

    /**
     * A new directory for one test run's logs, under the build's logs directory ({@code eventgate.logs}), named after
     * the run and the time it started: every run keeps its own logs, none is appended to another's.
     */
    public static Path runLogs(String run) throws IOException {
        String started = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS")
                .format(java.time.LocalDateTime.now());
        return Files.createDirectories(Path.of(System.getProperty("eventgate.logs", "target/system-logs"))
                .resolve(run + "-" + started));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * A program run as {@code java [jvmOptions] -jar <its jar> arguments...}, logging to {@code <name>.log} in the
     * run's logs directory ({@link #runLogs}); a program started again in the same run logs to its own next file
     * ({@code <name>-2.log}, ...).
     */
    public static Program of(Path logs, String name, List<String> jvmOptions, List<String> arguments,
            Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar(name).toString());
        command.addAll(arguments);
        Path log = logs.resolve(name + ".log");
        for (int n = 2; Files.exists(log); n++) {
            log = logs.resolve(name + "-" + n + ".log");
        }
        return new Program(name, command, environment, log);
    }

    /** Where this program writes its output. */
    public Path log() {
        return log;
    }

    public Program start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        return this;
    }

    /** Runs to the end; fails with the log's tail unless it exits 0. */
    public void runToCompletion(Duration atMost) throws Exception {
        start();
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish in " + atMost + ":\n" + tail());
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail());
        }
    }

    /** Runs to the end and returns its exit status and everything it wrote, whatever the status. */
    public String runForOutput(Duration atMost) throws Exception {
        start();
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            return name + " did not finish in " + atMost + ":\n" + Files.readString(log);
        }
        return name + " exited with " + process.exitValue() + ":\n" + Files.readString(log);
    }

    /** Waits until a GET of the URL answers 200 with an UP status; fails early, with the log's tail, if it died. */
    public Program awaitHealthy(URI health, Duration atMost) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail());
                    }
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(health)
                            .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200 && response.body().contains("\"UP\"");
                });
        return this;
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs, nothing more is written. */
    public void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public int exitValue() {
        return process.exitValue();
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
