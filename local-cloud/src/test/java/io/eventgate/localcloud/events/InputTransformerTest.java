package io.eventgate.localcloud.events;

import io.eventgate.localcloud.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;
import software.amazon.awssdk.services.eventbridge.model.Target;
import tools.jackson.databind.JsonNode;

import static io.eventgate.localcloud.events.EventBridgeFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputTransformerTest {

    private final EventBridgeFixture aws = EventBridgeFixture.get();

    /** Sets up a rule whose one target has the given input settings, puts one event, returns the message body. */
    private String deliver(Target.Builder target, String detail) {
        String source = unique("transform");
        String rule = unique("rule");
        String ruleArn = aws.ruleForSource(rule, source);
        String queue = aws.queueFor(ruleArn);
        aws.target("default", rule, target.id("t").arn(aws.queueArn(queue)).build());
        aws.put("default", source, "OrderCreated", detail);
        return aws.receive(queue, 1).getFirst().body();
    }

    @Test
    void insertsRawTextInsideQuotesAndJsonValuesOutside() {
        String body = deliver(Target.builder().inputTransformer(InputTransformer.builder()
                .inputPathsMap(Map.of("order", "$.detail.orderId", "total", "$.detail.total",
                        "lines", "$.detail.lines", "note", "$.detail.note"))
                .inputTemplate("{\"id\": <order>, \"label\": \"order <order> costs <total>\", \"total\": <total>,"
                        + " \"lines\": <lines>, \"asText\": \"<lines>\", \"note\": \"<note>\"}")
                .build()), "{\"orderId\":\"o-7\",\"total\":19.99,\"lines\":[{\"sku\":\"A\"}],"
                + "\"note\":\"say \\\"hi\\\"\"}");

        JsonNode json = Json.parse(body);
        assertThat(json.path("id").asString()).isEqualTo("o-7");
        assertThat(json.path("label").asString()).isEqualTo("order o-7 costs 19.99");
        assertThat(json.path("total").decimalValue()).isEqualByComparingTo("19.99");
        assertThat(Json.text(json.path("lines"))).isEqualTo("[{\"sku\":\"A\"}]");
        assertThat(json.path("asText").asString()).isEqualTo("[{\"sku\":\"A\"}]");
        assertThat(json.path("note").asString()).isEqualTo("say \"hi\"");
        assertThat(body).doesNotContain("\": ").doesNotContain(", \""); // minified, as EventBridge delivers it
    }

    @Test
    void fillsTheReservedVariables() {
        String rule = unique("rule");
        String source = unique("reserved");
        String ruleArn = aws.ruleForSource(rule, source);
        String queue = aws.queueFor(ruleArn);
        aws.target("default", rule, Target.builder().id("t").arn(aws.queueArn(queue))
                .inputTransformer(InputTransformer.builder().inputTemplate("{\"arn\": <aws.events.rule-arn>,"
                        + " \"name\": \"<aws.events.rule-name>\", \"at\": <aws.events.event.ingestion-time>,"
                        + " \"meta\": <aws.events.event>, \"whole\": <aws.events.event.json>}").build()).build());
        String eventId = aws.put("default", source, "OrderCreated", "{\"orderId\":\"o-1\"}").entries().getFirst()
                .eventId();

        JsonNode json = Json.parse(aws.receive(queue, 1).getFirst().body());
        assertThat(json.path("arn").asString()).isEqualTo(ruleArn);
        assertThat(json.path("name").asString()).isEqualTo(rule);
        assertThat(json.path("at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(json.path("meta").path("id").asString()).isEqualTo(eventId);
        assertThat(json.path("meta").has("detail")).isFalse();
        assertThat(json.path("whole").path("detail").path("orderId").asString()).isEqualTo("o-1");
    }

    @Test
    void rendersAMissingPathAsNullOutsideQuotesAndNothingInside() {
        String body = deliver(Target.builder().inputTransformer(InputTransformer.builder()
                .inputPathsMap(Map.of("coupon", "$.detail.coupon", "order", "$.detail.orderId"))
                .inputTemplate("{\"coupon\": <coupon>, \"text\": \"coupon=<coupon>;order=<order>\"}").build()),
                "{\"orderId\":\"o-9\"}");

        JsonNode json = Json.parse(body);
        assertThat(json.path("coupon").isNull()).isTrue();
        assertThat(json.path("text").asString()).isEqualTo("coupon=;order=o-9");
    }

    @Test
    void rendersAPlainTextTemplateWithRawValues() {
        String body = deliver(Target.builder().inputTransformer(InputTransformer.builder()
                .inputPathsMap(Map.of("order", "$.detail.orderId", "state", "$.detail.state"))
                .inputTemplate("Order <order> is <state>").build()), "{\"orderId\":\"o-3\",\"state\":\"SHIPPED\"}");

        assertThat(body).isEqualTo("Order o-3 is SHIPPED");
    }

    @Test
    void sendsWhatInputPathSelectsAndConstantInputAsGiven() {
        assertThat(deliver(Target.builder().inputPath("$.detail.lines[1]"),
                "{\"lines\":[{\"sku\":\"A\"},{\"sku\":\"B\"}]}")).isEqualTo("{\"sku\":\"B\"}");
        assertThat(deliver(Target.builder().input("{\"fixed\": true}"), "{\"n\":1}")).isEqualTo("{\"fixed\": true}");
    }

    @Test
    void refusesUnsupportedJsonPathsAndConflictingInputsAtPutTargets() {
        String rule = unique("rule");
        aws.events.putRule(b -> b.name(rule).eventPattern("{\"source\":[\"x\"]}"));
        String arn = "arn:aws:sqs:us-east-1:000000000000:whatever";

        assertThatThrownBy(() -> aws.events.putTargets(b -> b.rule(rule).targets(Target.builder().id("t").arn(arn)
                .inputPath("$..sku").build())))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("$..sku");
                });
        assertThatThrownBy(() -> aws.events.putTargets(b -> b.rule(rule).targets(Target.builder().id("t").arn(arn)
                .input("{}").inputPath("$.detail").build())))
                .isInstanceOfSatisfying(EventBridgeException.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).contains("Only one of Input, InputPath"));
    }
}
