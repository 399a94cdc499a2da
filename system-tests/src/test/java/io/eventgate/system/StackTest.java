package io.eventgate.system;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test of the whole system as processes: a fresh {@link Stack} per test, in its own directory, stopped after. */
abstract class StackTest {

    @TempDir
    Path work;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Stack stack;

    @BeforeEach
    void createStack() throws IOException {
        stack = new Stack(work);
    }

    @AfterEach
    void stopStack() throws InterruptedException {
        stack.close();
    }
}
