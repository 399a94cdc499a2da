package io.eventgate.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The carrier is the HTTP-only party: no AWS SDK for EventBridge, SQS or API Gateway may reach its runtime. The build
 * writes the runtime classpath (dependency:build-classpath) to a file; this test reads it, so test-only dependencies
 * such as local-cloud do not hide or cause a violation.
 */
class RuntimeClasspathTest {

    private static final Pattern FORBIDDEN = Pattern.compile("(?i)(eventbridge|sqs|apigateway|cloudwatchevents)[^/\\\\]*\\.jar$");

    private static List<Path> runtimeClasspath() throws IOException {
        Path file = Path.of(System.getProperty("carrier.runtime-classpath.file", "target/runtime-classpath.txt"));
        assertThat(file).as("written by maven-dependency-plugin during the build").exists();
        List<Path> entries = new ArrayList<>();
        for (String entry : Files.readString(file).trim().split(Pattern.quote(File.pathSeparator))) {
            entries.add(Path.of(entry));
        }
        return entries;
    }

    @Test
    void noEventBridgeSqsOrApiGatewayArtifactIsOnTheRuntimeClasspath() throws IOException {
        List<String> jars = runtimeClasspath().stream().map(path -> path.getFileName().toString()).toList();

        assertThat(jars).as("sanity: the file lists the real runtime").anyMatch(jar -> jar.startsWith("dynamodb-"))
                .anyMatch(jar -> jar.startsWith("spring-webmvc-"));
        assertThat(jars).noneMatch(jar -> FORBIDDEN.matcher(jar).find());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "software.amazon.awssdk.services.eventbridge.EventBridgeClient",
            "software.amazon.awssdk.services.sqs.SqsClient",
            "software.amazon.awssdk.services.apigateway.ApiGatewayClient",
            "software.amazon.awssdk.services.cloudwatchevents.CloudWatchEventsClient",
            "com.amazonaws.services.sqs.AmazonSQS",
            "io.awspring.cloud.sqs.operations.SqsTemplate"})
    void forbiddenClientsCannotBeLoadedFromTheRuntimeClasspath(String className) throws Exception {
        try (URLClassLoader runtime = runtimeClassLoader()) {
            assertThat(runtime.loadClass("software.amazon.awssdk.services.dynamodb.DynamoDbClient")).isNotNull();
            assertThat(runtime.loadClass("io.eventgate.carrier.CarrierApplication")).isNotNull();
            assertThatThrownBy(() -> runtime.loadClass(className)).isInstanceOf(ClassNotFoundException.class);
        }
    }

    private static URLClassLoader runtimeClassLoader() throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(Path.of(System.getProperty("carrier.main-classes.dir", "target/classes")).toUri().toURL());
        for (Path entry : runtimeClasspath()) {
            urls.add(entry.toUri().toURL());
        }
        // the platform loader as parent: only the JDK and the listed runtime, nothing of the test classpath
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
