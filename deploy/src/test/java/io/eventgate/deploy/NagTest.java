package io.eventgate.deploy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

import static org.assertj.core.api.Assertions.assertThat;

/** cdk-nag's AwsSolutions pack runs in the app; every finding is fixed or suppressed with a reason. */
class NagTest {

    @Test
    void reportsNoUnsuppressedError() {
        java.util.List<String> all = new java.util.ArrayList<>();
        for (Synthesized.Stack stack : List.of(Synthesized.APP.gateway, Synthesized.APP.services)) {
            List<String> errors = stack.messages().stream()
                    .filter(m -> m.getLevel() == SynthesisMessageLevel.ERROR)
                    .map(NagTest::describe)
                    .toList();
            List<String> warnings = stack.messages().stream()
                    .filter(m -> m.getLevel() == SynthesisMessageLevel.WARNING)
                    .map(NagTest::describe)
                    .toList();
            System.out.println(stack.name() + " errors:\n  " + String.join("\n  ", errors));
            System.out.println(stack.name() + " warnings:\n  " + String.join("\n  ", warnings));
            all.addAll(errors);
        }
        assertThat(all).isEmpty();
    }

    static String describe(SynthesisMessage message) {
        return message.getId() + " " + message.getEntry().getData();
    }
}
