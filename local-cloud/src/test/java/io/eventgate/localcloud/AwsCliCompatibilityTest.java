package io.eventgate.localcloud;

import io.eventgate.localcloud.json.Json;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The AWS CLI — an independent client with its own serialisers — works against local-cloud for the calls the README
 * and the provisioner's users run by hand. Skipped where no {@code aws} is on the PATH (CI installs Debian's).
 */
class AwsCliCompatibilityTest {

    private static LocalCloud cloud;
    private static Path aws;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() throws IOException {
        aws = findOnPath("aws").orElse(null);
        assumeTrue(aws != null, "the aws CLI is not on the PATH");
        // CLI v1 fetches any parameter value that starts with http:// (a queue URL!) unless told not to.
        Files.writeString(home.resolve("config"), "[default]\ncli_follow_urlparam = false\n");
        cloud = LocalCloud.start(LocalCloudSettings.forTests());
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void routesAnEventFromPutEventsToAnSqsQueue() throws Exception {
        String queueUrl = aws("sqs", "create-queue", "--queue-name", "cli-orders").path("QueueUrl").asString();
        String queueArn = aws("sqs", "get-queue-attributes", "--queue-url", queueUrl, "--attribute-names", "QueueArn")
                .path("Attributes").path("QueueArn").asString();
        String ruleArn = aws("events", "put-rule", "--name", "cli-rule",
                "--event-pattern", "{\"source\":[\"eventgate.cli\"]}").path("RuleArn").asString();
        String policy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},
                 "Action":"sqs:SendMessage","Resource":"%s","Condition":{"ArnEquals":{"aws:SourceArn":"%s"}}}]}"""
                .formatted(queueArn, ruleArn);
        Path attributes = Files.writeString(home.resolve("attributes.json"),
                Json.text(Json.object().put("Policy", policy)));
        aws("sqs", "set-queue-attributes", "--queue-url", queueUrl, "--attributes", "file://" + attributes);

        JsonNode targets = aws("events", "put-targets", "--rule", "cli-rule", "--targets",
                "Id=orders,Arn=" + queueArn);
        Path entries = Files.writeString(home.resolve("entries.json"), """
                [{"Source":"eventgate.cli","DetailType":"OrderCreated","Detail":"{\\"orderId\\":\\"cli-1\\"}"}]""");
        JsonNode put = aws("events", "put-events", "--entries", "file://" + entries);

        assertThat(targets.path("FailedEntryCount").asInt()).isZero();
        assertThat(put.path("FailedEntryCount").asInt()).isZero();
        List<JsonNode> messages = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            aws("sqs", "receive-message", "--queue-url", queueUrl, "--wait-time-seconds", "1")
                    .path("Messages").forEach(messages::add);
            return !messages.isEmpty();
        });
        JsonNode event = Json.parse(messages.getFirst().path("Body").asString());
        assertThat(event.path("detail").path("orderId").asString()).isEqualTo("cli-1");
        assertThat(event.path("id").asString()).isEqualTo(put.path("Entries").get(0).path("EventId").asString());
    }

    @Test
    void createsAndListsDynamoDbTables() throws Exception {
        aws("dynamodb", "create-table", "--table-name", "cli-table",
                "--attribute-definitions", "AttributeName=pk,AttributeType=S",
                "--key-schema", "AttributeName=pk,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST");

        assertThat(aws("dynamodb", "list-tables").path("TableNames")).extracting(JsonNode::asString)
                .contains("cli-table");
    }

    @Test
    void tagsTablesAndReportsTheirContinuousBackups() throws Exception {
        JsonNode created = aws("dynamodb", "create-table", "--table-name", "cli-tagged",
                "--attribute-definitions", "AttributeName=pk,AttributeType=S",
                "--key-schema", "AttributeName=pk,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST",
                "--tags", "Key=team,Value=orders");
        String arn = created.path("TableDescription").path("TableArn").asString();

        aws("dynamodb", "tag-resource", "--resource-arn", arn, "--tags", "Key=env,Value=local");
        aws("dynamodb", "untag-resource", "--resource-arn", arn, "--tag-keys", "team");
        JsonNode tags = aws("dynamodb", "list-tags-of-resource", "--resource-arn", arn);
        JsonNode updated = aws("dynamodb", "update-continuous-backups", "--table-name", "cli-tagged",
                "--point-in-time-recovery-specification", "PointInTimeRecoveryEnabled=true");
        JsonNode described = aws("dynamodb", "describe-continuous-backups", "--table-name", "cli-tagged");

        assertThat(tags.path("Tags")).hasSize(1);
        assertThat(tags.path("Tags").get(0).path("Key").asString()).isEqualTo("env");
        assertThat(updated.path("ContinuousBackupsDescription").path("PointInTimeRecoveryDescription")
                .path("PointInTimeRecoveryStatus").asString()).isEqualTo("ENABLED");
        assertThat(described.path("ContinuousBackupsDescription").path("PointInTimeRecoveryDescription")
                .path("PointInTimeRecoveryStatus").asString()).isEqualTo("ENABLED");
    }

    @Test
    void redrivesADeadLetterQueueLinkedAfterCreation() throws Exception {
        String source = aws("sqs", "create-queue", "--queue-name", "cli-source").path("QueueUrl").asString();
        String dlq = aws("sqs", "create-queue", "--queue-name", "cli-source-dlq").path("QueueUrl").asString();
        String dlqArn = aws("sqs", "get-queue-attributes", "--queue-url", dlq, "--attribute-names", "QueueArn")
                .path("Attributes").path("QueueArn").asString();
        Path attributes = Files.writeString(home.resolve("redrive.json"), Json.text(Json.object().put("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"1\"}")));
        aws("sqs", "set-queue-attributes", "--queue-url", source, "--attributes", "file://" + attributes);
        aws("sqs", "send-message", "--queue-url", source, "--message-body", "poison");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            aws("sqs", "receive-message", "--queue-url", source, "--visibility-timeout", "0");
            return aws("sqs", "get-queue-attributes", "--queue-url", dlq, "--attribute-names",
                    "ApproximateNumberOfMessages").path("Attributes").path("ApproximateNumberOfMessages").asInt() == 1;
        });

        JsonNode sources = aws("sqs", "list-dead-letter-source-queues", "--queue-url", dlq);
        JsonNode task = aws("sqs", "start-message-move-task", "--source-arn", dlqArn);

        assertThat(sources.path("queueUrls")).extracting(JsonNode::asString).containsExactly(source);
        assertThat(task.path("TaskHandle").asString()).isNotBlank();
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(aws("sqs", "list-message-move-tasks",
                "--source-arn", dlqArn).path("Results").get(0).path("Status").asString()));
        JsonNode back = aws("sqs", "receive-message", "--queue-url", source, "--wait-time-seconds", "1");
        assertThat(back.path("Messages").get(0).path("Body").asString()).isEqualTo("poison");
    }

    @Test
    void setsTheApiGatewayAccountsCloudWatchRole() throws Exception {
        String role = "arn:aws:iam::000000000000:role/cli-cloudwatch";

        aws("apigateway", "update-account", "--patch-operations",
                "op=replace,path=/cloudwatchRoleArn,value=" + role);
        JsonNode account = aws("apigateway", "get-account");

        assertThat(account.path("cloudwatchRoleArn").asString()).isEqualTo(role);
        assertThat(account.path("throttleSettings").path("burstLimit").asInt()).isEqualTo(5000);
    }

    /** Runs one CLI command against local-cloud and returns its JSON output ({} when it prints nothing). */
    private static JsonNode aws(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(aws.toString(), "--endpoint-url", cloud.endpoint().toString(),
                "--output", "json"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        var env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "dummy");
        env.put("AWS_SECRET_ACCESS_KEY", "dummy");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        Process process = builder.start();
        var stdout = process.getInputStream().readAllBytes();
        var stderr = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("aws %s finished", arguments[1]).isTrue();
        assertThat(process.exitValue()).as("aws %s failed: %s", String.join(" ", arguments),
                new String(stderr, StandardCharsets.UTF_8)).isZero();
        String out = new String(stdout, StandardCharsets.UTF_8).strip();
        return out.isEmpty() ? Json.object() : Json.parse(out);
    }

    private static Optional<Path> findOnPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
