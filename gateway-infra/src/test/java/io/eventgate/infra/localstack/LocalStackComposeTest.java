package io.eventgate.infra.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker compose up} and the Testcontainers test start the same LocalStack, and it serves every service the
 * flow uses. Needs no Docker: it reads the compose file.
 */
class LocalStackComposeTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    @Test
    void theComposeFileEnablesEveryServiceTheFlowUses() {
        assertThat(composeServices()).as("SERVICES in docker-compose.yml")
                .containsAll(LocalStackSetup.FLOW_NEEDS.keySet());
    }

    @Test
    void theTestcontainersTestStartsLocalStackAsTheComposeFileDoes() {
        JsonNode localstack = compose().path("services").path("localstack");
        Map<String, String> environment = new LinkedHashMap<>();
        localstack.path("environment").properties().forEach(e -> environment.put(e.getKey(), e.getValue().asString()));
        environment.remove("LOCALSTACK_AUTH_TOKEN");

        assertThat(localstack.path("image").asString()).isEqualTo(LocalStackSetup.IMAGE);
        assertThat(environment).isEqualTo(LocalStackSetup.environment());
        assertThat(composeServices()).containsExactlyElementsOf(LocalStackSetup.SERVICES);
    }

    @Test
    void everyServiceEnabledIsOneTheFlowUses() {
        assertThat(LocalStackSetup.FLOW_NEEDS.keySet()).containsAll(composeServices());
    }

    private static List<String> composeServices() {
        String services = compose().path("services").path("localstack").path("environment").path("SERVICES")
                .asString();
        return Arrays.stream(services.split(",")).map(String::strip).toList();
    }

    private static JsonNode compose() {
        try {
            return YAMLMapper.builder().build().readTree(Files.readString(COMPOSE));
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot read " + COMPOSE.toAbsolutePath(), e);
        }
    }
}
