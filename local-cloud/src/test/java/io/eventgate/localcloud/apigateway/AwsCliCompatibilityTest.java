package io.eventgate.localcloud.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.json.Json;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An independent client: the AWS CLI (Debian's {@code awscli} in CI) lists APIs and resources. Skipped, visibly,
 * when no {@code aws} is on the PATH.
 */
class AwsCliCompatibilityTest {

    private static LocalCloud cloud;
    private static Gateway gateway;

    @BeforeAll
    static void start() {
        assumeTrue(awsOnPath(), "the aws CLI is not on the PATH (CI installs Debian's awscli)");
        cloud = SharedCloud.get();
        gateway = new Gateway(cloud.endpoint());
    }

    @Test
    void listsRestApisAndResources() throws Exception {
        gateway.client.createRestApi(b -> b.name("cli-visible").tags(Map.of("_custom_id_", "clivisible")));
        String orders = gateway.resource("clivisible", gateway.rootId("clivisible"), "orders");
        gateway.resource("clivisible", orders, "{id}");

        JsonNode apis = aws("apigateway", "get-rest-apis");
        JsonNode resources = aws("apigateway", "get-resources", "--rest-api-id", "clivisible");

        List<String> names = new ArrayList<>();
        apis.get("items").forEach(api -> names.add(api.get("id").asString() + "=" + api.get("name").asString()));
        assertThat(names).contains("clivisible=cli-visible");
        List<String> paths = new ArrayList<>();
        resources.get("items").forEach(resource -> paths.add(resource.get("path").asString()));
        assertThat(paths).containsExactlyInAnyOrder("/", "/orders", "/orders/{id}");
    }

    private static JsonNode aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", cloud.endpoint().toString(),
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("aws-cli", ".json");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONFIG_FILE", new File("target/no-aws-config").getAbsolutePath());
        env.put("AWS_SHARED_CREDENTIALS_FILE", new File("target/no-aws-credentials").getAbsolutePath());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("aws %s finished", String.join(" ", args)).isTrue();
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        assertThat(process.exitValue()).as("aws %s exit code; output: %s", String.join(" ", args), text).isZero();
        return Json.parse(text);
    }

    private static boolean awsOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "aws"))) {
                return true;
            }
        }
        return false;
    }
}
