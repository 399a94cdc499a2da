package io.eventgate.localcloud.durability;

import static org.awaitility.Awaitility.await;

import io.eventgate.localcloud.LocalCloudMain;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * local-cloud as a real separate process (its command-line entry point on this test's class path), so that a test can
 * kill it with SIGKILL — no shutdown hook, no flush — and start it again on the same data directory.
 */
final class LocalCloudProcess implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private final Path log;
    private Process process;

    LocalCloudProcess(Path dataDirectory, Path log) throws IOException {
        this.dataDirectory = dataDirectory;
        this.log = log;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    URI endpoint() {
        return URI.create("http://localhost:" + port);
    }

    /** Starts the process and waits until its health endpoint says every service is up. */
    LocalCloudProcess start() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        process = new ProcessBuilder(List.of(java.toString(), "-Xmx512m", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), LocalCloudMain.class.getName(),
                "--port", String.valueOf(port), "--data-dir", dataDirectory.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("local-cloud exited with " + process.exitValue() + "; see " + log);
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/_localcloud/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    /** SIGKILL, as {@code kill -9} sends: the process gets no chance to write anything more. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: a clean stop through the shutdown hook. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.toHandle().destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
