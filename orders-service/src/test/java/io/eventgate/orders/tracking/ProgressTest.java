package io.eventgate.orders.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void anEventIdReadsBackAsTheStepsItNames() {
        Progress progress = Progress.parse("placed,shipped");

        assertThat(progress.text()).isEqualTo("placed,shipped");
        assertThat(progress.with(Step.SENT).text()).as("always in the usual order").isEqualTo("placed,sent,shipped");
    }

    @Test
    void theStepsMissedAreThoseTheOtherHasInTheUsualOrder() {
        Progress client = Progress.parse("placed,shipped");
        Progress now = Progress.parse("placed,sent,shipped,delivered");

        assertThat(client.missing(now)).containsExactly(Step.SENT, Step.DELIVERED);
        assertThat(now.missing(client)).isEmpty();
    }

    @Test
    void refusesWhatThisServiceNeverSent() {
        for (String text : new String[] {"", "Placed", "placed,", "placed,,sent", "placed,placed", "placed shipped",
                "placed,sent,shipped,delivered,cancelled,placed", "x".repeat(65)}) {
            assertThatIllegalArgumentException().as(text).isThrownBy(() -> Progress.parse(text));
        }
    }
}
