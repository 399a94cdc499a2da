package io.eventgate.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Least privilege: each task role holds exactly what its service calls, on the resources it calls them on. */
class TaskPermissionsTest {

    private static final TemplateState SERVICES = Synthesized.APP.servicesResolved;

    @Test
    void ordersServiceMayUseItsTableIndexesAndStreamPublishToTheBusAndConsumeTheInboxOnly() {
        assertThat(statements(taskRolePolicyOf("orders-service"))).containsExactly(
                "OwnTable [dynamodb:GetItem, dynamodb:PutItem, dynamodb:UpdateItem, dynamodb:DescribeTable]"
                        + " on [«arn:table:orders»]",
                "OwnTableIndexes [dynamodb:Query] on [«arn:table:orders»/index/status-index,"
                        + " «arn:table:orders»/index/outbox-pending-index]",
                "FollowTheTableStream [dynamodb:DescribeStream, dynamodb:GetShardIterator, dynamodb:GetRecords]"
                        + " on [«stream:orders»]",
                "PublishToTheBus [events:PutEvents] on [«arn:bus:eventgate»]",
                "ConsumeTheInbox [sqs:ReceiveMessage, sqs:DeleteMessage, sqs:ChangeMessageVisibility,"
                        + " sqs:GetQueueUrl] on [«arn:queue:orders-inbox»]");
    }

    @Test
    void carrierServiceMayUseItsOwnTableOnlyAndNoMessaging() {
        List<String> statements = statements(taskRolePolicyOf("carrier-service"));

        assertThat(statements).containsExactly(
                "OwnTable [dynamodb:DescribeTable, dynamodb:GetItem, dynamodb:PutItem, dynamodb:UpdateItem,"
                        + " dynamodb:Query] on [«arn:table:carrier-shipments»]",
                "OwnTableIndexes [dynamodb:Query] on [«arn:table:carrier-shipments»/index/by-status,"
                        + " «arn:table:carrier-shipments»/index/pending-reports]");
        assertThat(String.join(" ", statements)).doesNotContain("events:", "sqs:", "apigateway:", "execute-api:",
                "sns:", "«arn:table:orders»");
    }

    @Test
    void noPolicyGrantsEveryActionAndOnlyTheEcrTokenIsOnEveryResource() {
        List<String> wildcards = new ArrayList<>();
        for (TemplateState stack : List.of(Synthesized.APP.gatewayResolved, SERVICES)) {
            stack.all("AWS::IAM::Policy").forEach((id, policy) -> statements(policy.get("PolicyDocument"),
                    (actions, resources) -> {
                        if (actions.stream().anyMatch(a -> a.equals("*") || a.endsWith(":*"))
                                || resources.contains("*")) {
                            wildcards.add(id + " " + actions + " on " + resources);
                        }
                    }));
            stack.all("AWS::IAM::Role").forEach((id, role) -> role.path("Policies").forEach(policy ->
                    statements(policy.get("PolicyDocument"), (actions, resources) -> {
                        if (actions.contains("*") || resources.contains("*")) {
                            wildcards.add(id + " " + actions + " on " + resources);
                        }
                    })));
        }

        // ecr:GetAuthorizationToken has no resource-level permission; every other statement names its resources.
        assertThat(wildcards).hasSize(2)
                .allSatisfy(w -> assertThat(w).contains("ExecutionRole").endsWith("[ecr:GetAuthorizationToken] on [*]"));
    }

    @Test
    void executionRolesPullOneImageWriteOneLogGroupAndReadOnlyTheirServicesSecrets() {
        Map<String, JsonNode> policies = SERVICES.all("AWS::IAM::Policy");
        List<String> carrier = statements(policies.entrySet().stream()
                .filter(e -> e.getKey().startsWith("CarrierFargateTaskExecutionRole")).findFirst().orElseThrow()
                .getValue().get("PolicyDocument"));
        List<String> orders = statements(policies.entrySet().stream()
                .filter(e -> e.getKey().startsWith("OrdersFargateTaskExecutionRole")).findFirst().orElseThrow()
                .getValue().get("PolicyDocument"));

        String read = " [secretsmanager:GetSecretValue, secretsmanager:DescribeSecret] on ";
        assertThat(carrier).filteredOn(s -> s.contains("secretsmanager")).containsExactlyInAnyOrder(
                read + "[«secret:eventgate/api-key-carrier»]",
                read + "[«secret:eventgate/connection-carrier-connection»]",
                read + "[«secret:eventgate/carrier-back-office-password»]");
        assertThat(orders).filteredOn(s -> s.contains("secretsmanager")).containsExactly(
                read + "[«secret:eventgate/orders-operator-password»]");
        assertThat(orders).anyMatch(s -> s.startsWith(" [ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer,"
                + " ecr:BatchGetImage] on [arn:aws:ecr:eu-central-1:000000000000:repository/«param:OrdersImageRepository»]"));
    }

    private JsonNode taskRolePolicyOf(String service) {
        JsonNode task = SERVICES.all("AWS::ECS::TaskDefinition").values().stream()
                .filter(t -> t.at("/ContainerDefinitions/0/Name").asString().equals(service))
                .findFirst().orElseThrow();
        String role = task.get("TaskRoleArn").asString();
        return SERVICES.all("AWS::IAM::Policy").values().stream()
                .filter(p -> StreamSupport.stream(p.get("Roles").spliterator(), false)
                        .anyMatch(r -> role.equals("«arn:role:" + r.asString().replace("«ref:", "").replace("»", "")
                                + "»")))
                .findFirst().orElseThrow().get("PolicyDocument");
    }

    static List<String> statements(JsonNode document) {
        List<String> statements = new ArrayList<>();
        for (JsonNode statement : document.get("Statement")) {
            statements.add(statement.path("Sid").asString("") + " " + strings(statement.get("Action")) + " on "
                    + strings(statement.get("Resource")));
        }
        return statements;
    }

    private static void statements(JsonNode document, java.util.function.BiConsumer<List<String>, List<String>> each) {
        for (JsonNode statement : document.get("Statement")) {
            if ("Allow".equals(statement.path("Effect").asString())) {
                each.accept(strings(statement.get("Action")), strings(statement.get("Resource")));
            }
        }
    }

    private static List<String> strings(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        return node.isArray() ? StreamSupport.stream(node.spliterator(), false).map(JsonNode::asString).toList()
                : List.of(node.asString());
    }
}
