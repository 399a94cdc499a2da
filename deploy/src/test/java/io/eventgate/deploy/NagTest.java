package io.eventgate.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** cdk-nag's AwsSolutions pack runs in the app: every finding is fixed, or suppressed where it is, with a reason. */
class NagTest {

    @Test
    void reportsNoUnsuppressedFinding() {
        List<String> findings = new ArrayList<>();
        for (Synthesized.Stack stack : List.of(Synthesized.APP.gateway, Synthesized.APP.services)) {
            stack.messages().stream()
                    .filter(m -> m.getLevel() == SynthesisMessageLevel.ERROR
                            || String.valueOf(m.getEntry().getData()).contains("AwsSolutions-"))
                    .map(NagTest::describe)
                    .forEach(findings::add);
        }

        assertThat(findings).isEmpty();
    }

    @Test
    void suppressesOnlyKnownRulesOnNamedResourcesEachWithItsReason() {
        Map<String, String> suppressions = new TreeMap<>();
        for (Synthesized.Stack stack : List.of(Synthesized.APP.gateway, Synthesized.APP.services)) {
            assertThat(stack.json().at("/Metadata/cdk_nag").isMissingNode()).as("no stack-wide suppression").isTrue();
            stack.json().get("Resources").properties().forEach(resource -> {
                for (JsonNode rule : resource.getValue().at("/Metadata/cdk_nag/rules_to_suppress")) {
                    suppressions.put(stack.name() + " " + resource.getKey() + " " + rule.get("id").asString(),
                            rule.get("reason").asString());
                }
            });
        }

        assertThat(suppressions.keySet()).extracting(key -> key.substring(key.lastIndexOf(' ') + 1)).containsOnly(
                "AwsSolutions-SQS3", "AwsSolutions-SMG4", "AwsSolutions-APIG2", "AwsSolutions-APIG3",
                "AwsSolutions-APIG4", "AwsSolutions-COG4", "AwsSolutions-IAM4", "AwsSolutions-EC23",
                "AwsSolutions-S1", "AwsSolutions-ECS2", "AwsSolutions-IAM5");
        assertThat(suppressions.values()).allSatisfy(reason -> assertThat(reason).hasSizeGreaterThan(60));
    }

    private static String describe(SynthesisMessage message) {
        return message.getId() + " " + message.getEntry().getData();
    }
}
