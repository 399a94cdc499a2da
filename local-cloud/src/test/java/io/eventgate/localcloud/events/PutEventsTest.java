package io.eventgate.localcloud.events;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import static io.eventgate.localcloud.events.EventBridgeFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PutEventsTest {

    private final EventBridgeFixture aws = EventBridgeFixture.get();

    private static PutEventsRequestEntry entry(String source, String detailType, String detail) {
        return PutEventsRequestEntry.builder().source(source).detailType(detailType).detail(detail).build();
    }

    @Test
    void answersPerEntryInRequestOrderAndDeliversOnlyTheAcceptedOnes() {
        String source = unique("partial");
        String queue = aws.ruleToQueue("default", unique("rule"), "{\"source\":[\"" + source + "\"]}");

        var response = aws.events.putEvents(b -> b.entries(
                entry(source, "First", "{\"n\":1}"),
                entry(null, "NoSource", "{\"n\":2}"),
                entry(source, "NotAnObject", "[1,2]"),
                entry(source, "BrokenJson", "{\"n\":"),
                entry(source, null, "{\"n\":5}"),
                entry(source, "x".repeat(129), "{\"n\":6}"),
                entry("aws.ec2", "Spoofed", "{\"n\":7}"),
                entry(source, "NoDetail", null),
                entry(source, "Last", "{\"n\":9}")));

        assertThat(response.failedEntryCount()).isEqualTo(7);
        List<PutEventsResultEntry> results = response.entries();
        assertThat(results).hasSize(9);
        assertThat(results.get(0).eventId()).isNotBlank();
        assertThat(results.get(1).errorCode()).isEqualTo("InvalidArgument");
        assertThat(results.get(1).errorMessage()).contains("Source");
        assertThat(results.get(2).errorCode()).isEqualTo("MalformedDetail");
        assertThat(results.get(3).errorCode()).isEqualTo("MalformedDetail");
        assertThat(results.get(4).errorCode()).isEqualTo("InvalidArgument");
        assertThat(results.get(4).errorMessage()).contains("DetailType");
        assertThat(results.get(5).errorCode()).isEqualTo("InvalidArgument");
        assertThat(results.get(6).errorCode()).isEqualTo("NotAuthorizedForSourceException");
        assertThat(results.get(7).errorCode()).isEqualTo("InvalidArgument");
        assertThat(results.get(7).errorMessage()).contains("Detail");
        assertThat(results.get(8).eventId()).isNotBlank().isNotEqualTo(results.get(0).eventId());
        assertThat(results.subList(1, 8)).allSatisfy(r -> assertThat(r.eventId()).isNull());

        assertThat(aws.receive(queue, 2)).extracting(m -> m.body())
                .allSatisfy(body -> assertThat(body).containsAnyOf("\"First\"", "\"Last\""));
        aws.assertEmpty(queue);
    }

    @Test
    void refusesMoreThanTenEntriesOrNone() {
        List<PutEventsRequestEntry> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(entry("eventgate.test", "Many", "{}"));
        }
        assertThatThrownBy(() -> aws.events.putEvents(b -> b.entries(eleven)))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("less than or equal to 10");
                });
        assertThatThrownBy(() -> aws.events.putEvents(b -> b.entries(List.of())))
                .isInstanceOfSatisfying(EventBridgeException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void refusesARequestOverOneMegabyte() {
        String big = "{\"blob\":\"" + "a".repeat(600_000) + "\"}";
        assertThatThrownBy(() -> aws.events.putEvents(b -> b.entries(entry("eventgate.test", "Big", big),
                entry("eventgate.test", "Big", big))))
                .isInstanceOfSatisfying(EventBridgeException.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).contains("over the limit"));
    }

    @Test
    void acceptsEventsForABusThatDoesNotExistAsAwsDoes() {
        var response = aws.events.putEvents(b -> b.entries(PutEventsRequestEntry.builder()
                .eventBusName(unique("no-such-bus")).source("eventgate.test").detailType("Lost").detail("{}").build()));

        assertThat(response.failedEntryCount()).isZero();
        assertThat(response.entries().getFirst().eventId()).isNotBlank();
    }
}
