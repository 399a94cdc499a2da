package io.eventgate.localcloud.events;

import io.eventgate.localcloud.json.Json;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.eventgate.localcloud.events.EventBridgeFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Each operator through a real rule: the matching event arrives, the other one does not. */
class EventPatternTest {

    private final EventBridgeFixture aws = EventBridgeFixture.get();

    static Stream<Arguments> operators() {
        return Stream.of(
                Arguments.of("prefix", "{\"detail\":{\"sku\":[{\"prefix\":\"EU-\"}]}}",
                        "{\"sku\":\"EU-123\"}", "{\"sku\":\"US-123\"}"),
                Arguments.of("anything-but", "{\"detail\":{\"state\":[{\"anything-but\":[\"CANCELLED\"]}]}}",
                        "{\"state\":\"SHIPPED\"}", "{\"state\":\"CANCELLED\"}"),
                Arguments.of("numeric", "{\"detail\":{\"total\":[{\"numeric\":[\">\",100,\"<=\",500]}]}}",
                        "{\"total\":250.5}", "{\"total\":100}"),
                Arguments.of("exists", "{\"detail\":{\"coupon\":[{\"exists\":true}]}}",
                        "{\"coupon\":\"X1\"}", "{\"other\":1}"),
                Arguments.of("wildcard", "{\"detail\":{\"file\":[{\"wildcard\":\"invoices/*.pdf\"}]}}",
                        "{\"file\":\"invoices/2026-11.pdf\"}", "{\"file\":\"invoices/2026-11.csv\"}"),
                Arguments.of("$or", "{\"detail\":{\"$or\":[{\"priority\":[\"HIGH\"]},{\"total\":[{\"numeric\":[\">=\",1000]}]}]}}",
                        "{\"priority\":\"LOW\",\"total\":1500}", "{\"priority\":\"LOW\",\"total\":10}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void deliversOnlyTheEventThePatternMatches(String operator, String detailPattern, String matching,
                                               String notMatching) {
        String source = unique("pattern");
        String pattern = "{\"source\":[\"" + source + "\"]," + detailPattern.substring(1);
        String queue = aws.ruleToQueue("default", unique("rule"), pattern);

        aws.put("default", source, "NotMatching", notMatching);
        aws.put("default", source, "Matching", matching);

        assertThat(aws.receive(queue, 1)).extracting(m -> Json.parse(m.body()).path("detail-type").asString())
                .containsExactly("Matching");
        aws.assertEmpty(queue);
    }
}
