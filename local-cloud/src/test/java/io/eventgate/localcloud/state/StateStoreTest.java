package io.eventgate.localcloud.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgate.localcloud.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    record Sample(String name, Optional<String> note, Instant at, Map<String, Integer> counts) {
    }

    @TempDir
    Path dir;

    @Test
    void readsBackWhatWasWrittenAfterAReopen() throws Exception {
        Instant at = Instant.parse("2026-11-22T10:00:00.123Z");
        try (StateStore store = StateStore.open(dir, StateStore.Settings.DEFAULTS)) {
            store.put("a/1", new Sample("one", Optional.of("n"), at, Map.of("x", 1)));
            store.put("a/2", new Sample("two", Optional.empty(), at, Map.of()));
            store.put("a/1", new Sample("one again", Optional.empty(), at, Map.of("x", 2)));
            store.put("b/1", Json.object().put("k", "v"));
            store.delete("a/2");
            store.awaitWrites();
        }

        try (StateStore store = StateStore.open(dir, StateStore.Settings.DEFAULTS)) {
            List<StateStore.Entry> entries = store.entries("a/");

            assertThat(entries).extracting(StateStore.Entry::key).containsExactly("a/1");
            assertThat(StateStore.read(entries.getFirst().value(), Sample.class))
                    .isEqualTo(new Sample("one again", Optional.empty(), at, Map.of("x", 2)));
            assertThat(store.entries("b/").getFirst().value().get("k").asString()).isEqualTo("v");
        }
    }

    @Test
    void compactsIntoASnapshotAndKeepsEveryLiveValue() throws Exception {
        var small = new StateStore.Settings(false, 4 * 1024);
        try (StateStore store = StateStore.open(dir, small)) {
            for (int i = 0; i < 2_000; i++) {
                store.put("k/" + (i % 50), Json.object().put("i", i));
                if (i % 7 == 0) {
                    store.delete("k/" + (i % 50));
                }
            }
            store.flush();
            store.compact();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("journal-")).count())
                    .isLessThanOrEqualTo(2);
        }

        try (StateStore store = StateStore.open(dir, small)) {
            Map<String, Integer> expected = new java.util.TreeMap<>();
            for (int i = 0; i < 2_000; i++) {
                expected.put("k/" + (i % 50), i);
                if (i % 7 == 0) {
                    expected.remove("k/" + (i % 50));
                }
            }
            Map<String, Integer> actual = new java.util.TreeMap<>();
            store.entries("k/").forEach(e -> actual.put(e.key(), e.value().get("i").asInt()));
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void dropsATornLastWriteAndKeepsEverythingBeforeIt() throws Exception {
        try (StateStore store = StateStore.open(dir, StateStore.Settings.DEFAULTS)) {
            store.put("x/1", Json.object().put("v", 1));
            store.put("x/2", Json.object().put("v", 2));
            store.flush();
        }
        Path segment;
        try (Stream<Path> files = Files.list(dir)) {
            segment = files.filter(p -> p.getFileName().toString().startsWith("journal-")).sorted().toList().getLast();
        }
        // A process killed in the middle of a write: a frame header promising more bytes than follow.
        Files.write(segment, new byte[] {0, 0, 0, 100, 1, 2, 3, 4, '{'}, StandardOpenOption.APPEND);

        try (StateStore store = StateStore.open(dir, StateStore.Settings.DEFAULTS)) {
            assertThat(store.entries("x/")).extracting(StateStore.Entry::key).containsExactly("x/1", "x/2");
            store.put("x/3", Json.object().put("v", 3));
            store.flush();
        }
        try (StateStore store = StateStore.open(dir, StateStore.Settings.DEFAULTS)) {
            assertThat(store.entries("x/")).hasSize(3);
        }
    }

    @Test
    void keepsItsFilesFromOtherUsers() throws Exception {
        try (StateStore store = StateStore.open(dir.resolve("state"), StateStore.Settings.DEFAULTS)) {
            store.put("secret/1", Json.object().put("value", "s3cr3t"));
            store.flush();
        }
        try (Stream<Path> files = Files.list(dir.resolve("state"))) {
            for (Path file : files.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                        .as(file.toString()).isEqualTo("rw-------");
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state"))))
                .isEqualTo("rwx------");
    }

    @Test
    void refusesASecondUserOfTheSameDataDirectory() throws Exception {
        try (DataDirectory first = DataDirectory.open(dir)) {
            assertThatThrownBy(() -> DataDirectory.open(dir)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another local-cloud");
        }
        DataDirectory.open(dir).close();
    }

    /**
     * A real process writes and acknowledges records (prints each key once awaitWrites returned) until it is killed
     * with SIGKILL mid-stream; every acknowledged key must be there after a reopen.
     */
    @Test
    void losesNothingAcknowledgedWhenTheProcessIsKilled() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process writer = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                StateWriter.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!line.startsWith("ack/")) {
                    continue; // a log line
                }
                acknowledged.add(line);
                if (acknowledged.size() == 3_000) {
                    writer.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook, no flush
                }
            }
        }
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).isEqualTo(137);

        try (StateStore store = StateStore.open(dir, StateStore.Settings.DEFAULTS)) {
            List<String> stored = store.entries("ack/").stream().map(StateStore.Entry::key).toList();
            assertThat(stored).containsAll(acknowledged);
        }
    }

    /** The process killed above: 8 threads putting and acknowledging as fast as they can. */
    public static final class StateWriter {
        public static void main(String[] args) throws Exception {
            StateStore store = StateStore.open(Path.of(args[0]), new StateStore.Settings(true, 256 * 1024));
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; ; i++) {
                        String key = "ack/" + thread + "/" + i;
                        store.put(key, Json.object().put("payload", "x".repeat(200)));
                        try {
                            store.awaitWrites();
                        } catch (Exception e) {
                            return;
                        }
                        synchronized (System.out) {
                            System.out.println(key);
                            System.out.flush();
                        }
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }
}
