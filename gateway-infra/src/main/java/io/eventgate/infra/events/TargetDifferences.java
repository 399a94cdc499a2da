package io.eventgate.infra.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** Names the properties in which a live target differs from the wanted one. */
final class TargetDifferences {

    private TargetDifferences() {
    }

    static List<String> between(Target live, Target wanted) {
        List<String> differences = new ArrayList<>();
        compare(differences, "arn", live.arn(), wanted.arn());
        compare(differences, "role", live.roleArn(), wanted.roleArn());
        compare(differences, "input transformer", live.inputTransformer(), wanted.inputTransformer());
        compare(differences, "http parameters", live.httpParameters(), wanted.httpParameters());
        compare(differences, "retry policy", live.retryPolicy(), wanted.retryPolicy());
        compare(differences, "dead-letter queue", live.deadLetterConfig(), wanted.deadLetterConfig());
        compare(differences, "input", live.input(), wanted.input());
        compare(differences, "input path", live.inputPath(), wanted.inputPath());
        return differences;
    }

    private static void compare(List<String> differences, String property, Object live, Object wanted) {
        if (!Objects.equals(live, wanted)) {
            differences.add(property + " differs");
        }
    }
}
