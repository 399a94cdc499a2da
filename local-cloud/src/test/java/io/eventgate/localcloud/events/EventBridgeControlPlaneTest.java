package io.eventgate.localcloud.events;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.LimitExceededException;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.Target;

import static io.eventgate.localcloud.events.EventBridgeFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventBridgeControlPlaneTest {

    private final EventBridgeFixture aws = EventBridgeFixture.get();

    @Test
    void servesTheDefaultBusAndCustomBusesWithAwsArns() {
        assertThat(aws.events.describeEventBus(b -> { }).arn())
                .isEqualTo("arn:aws:events:us-east-1:000000000000:event-bus/default");
        String name = unique("orders-bus");

        String arn = aws.events.createEventBus(b -> b.name(name).description("orders")).eventBusArn();

        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:event-bus/" + name);
        assertThat(aws.events.describeEventBus(b -> b.name(arn)).description()).isEqualTo("orders");
        assertThat(aws.events.listEventBuses(b -> b.namePrefix(name)).eventBuses())
                .extracting(bus -> bus.name()).containsExactly(name);
        assertThatThrownBy(() -> aws.events.createEventBus(b -> b.name(name)))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        aws.events.deleteEventBus(b -> b.name(name));
        assertThatThrownBy(() -> aws.events.describeEventBus(b -> b.name(name)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> aws.events.deleteEventBus(b -> b.name("default")))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void managesRulesWithTheirStateAndArns() {
        String bus = unique("bus");
        aws.events.createEventBus(b -> b.name(bus));
        String rule = unique("rule");
        String pattern = "{\"source\":[\"eventgate.orders\"]}";

        String arn = aws.events.putRule(b -> b.name(rule).eventBusName(bus).eventPattern(pattern)
                .description("orders to carrier")).ruleArn();
        String onDefault = aws.events.putRule(b -> b.name(rule).eventPattern(pattern)).ruleArn();

        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/" + bus + "/" + rule);
        assertThat(onDefault).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/" + rule);
        var described = aws.events.describeRule(b -> b.name(rule).eventBusName(bus));
        assertThat(described.eventPattern()).isEqualTo(pattern);
        assertThat(described.state()).isEqualTo(RuleState.ENABLED);
        assertThat(described.eventBusName()).isEqualTo(bus);
        aws.events.disableRule(b -> b.name(rule).eventBusName(bus));
        assertThat(aws.events.listRules(b -> b.eventBusName(bus)).rules())
                .singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(RuleState.DISABLED));
        assertThatThrownBy(() -> aws.events.enableRule(b -> b.name("nope").eventBusName(bus)))
                .isInstanceOf(ResourceNotFoundException.class);
        aws.events.deleteRule(b -> b.name(rule).eventBusName(bus));
        assertThat(aws.events.listRules(b -> b.eventBusName(bus)).rules()).isEmpty();
    }

    @Test
    void rejectsAnInvalidPatternAtPutRule() {
        assertThatThrownBy(() -> aws.events.putRule(b -> b.name(unique("bad"))
                .eventPattern("{\"detail\":{\"total\":[{\"numeric\":[\"~\",5]}]}}")))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessageContaining("Event pattern is not valid");
        assertThatThrownBy(() -> aws.events.putRule(b -> b.name(unique("bad")).eventPattern("{\"source\":")))
                .isInstanceOf(InvalidEventPatternException.class);
        assertThatThrownBy(() -> aws.events.putRule(b -> b.name(unique("bad"))))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void keepsTargetsInOrderWithAtMostFivePerRule() {
        String rule = unique("rule");
        aws.events.putRule(b -> b.name(rule).eventPattern("{\"source\":[\"x\"]}"));
        for (int i = 1; i <= 5; i++) {
            int n = i;
            aws.target("default", rule, Target.builder().id("t" + n)
                    .arn("arn:aws:sqs:us-east-1:000000000000:q" + n).build());
        }

        assertThatThrownBy(() -> aws.events.putTargets(b -> b.rule(rule).targets(Target.builder().id("t6")
                .arn("arn:aws:sqs:us-east-1:000000000000:q6").build())))
                .isInstanceOf(LimitExceededException.class);
        assertThat(aws.events.listTargetsByRule(b -> b.rule(rule)).targets()).extracting(Target::id)
                .containsExactly("t1", "t2", "t3", "t4", "t5");
        assertThatThrownBy(() -> aws.events.deleteRule(b -> b.name(rule)))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("has targets"));
        aws.events.removeTargets(b -> b.rule(rule).ids("t1", "t2", "t3", "t4", "t5"));
        aws.events.deleteRule(b -> b.name(rule));
    }

    @Test
    void refusesTargetsLocalCloudCannotDeliverTo() {
        String rule = unique("rule");
        aws.events.putRule(b -> b.name(rule).eventPattern("{\"source\":[\"x\"]}"));

        assertThatThrownBy(() -> aws.events.putTargets(b -> b.rule(rule).targets(Target.builder().id("fn")
                .arn("arn:aws:lambda:us-east-1:000000000000:function:f").build())))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("arn:aws:lambda");
                });
    }

    @Test
    void tagsBusesAndRules() {
        String rule = unique("rule");
        String arn = aws.events.putRule(b -> b.name(rule).eventPattern("{\"source\":[\"x\"]}")
                .tags(Tag.builder().key("team").value("orders").build())).ruleArn();

        aws.events.tagResource(b -> b.resourceARN(arn).tags(Tag.builder().key("env").value("local").build()));

        assertThat(aws.events.listTagsForResource(b -> b.resourceARN(arn)).tags())
                .extracting(Tag::key, Tag::value)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("team", "orders"),
                        org.assertj.core.groups.Tuple.tuple("env", "local"));
        assertThatThrownBy(() -> aws.events.listTagsForResource(b -> b.resourceARN(arn + "-missing")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void testsAPatternAgainstAnEvent() {
        String event = """
                {"id":"1","account":"000000000000","source":"eventgate.orders","time":"2026-11-22T10:00:00Z",
                 "region":"us-east-1","detail-type":"OrderCreated","resources":[],"detail":{"total":250}}""";

        assertThat(aws.events.testEventPattern(b -> b.event(event)
                .eventPattern("{\"detail\":{\"total\":[{\"numeric\":[\">\",100]}]}}")).result()).isTrue();
        assertThat(aws.events.testEventPattern(b -> b.event(event)
                .eventPattern("{\"source\":[{\"prefix\":\"com.\"}]}")).result()).isFalse();
    }

    @Test
    void answersAnOperationItDoesNotImplementWithAwsErrorNamingIt() {
        assertThatThrownBy(() -> aws.events.listEventSources(b -> { }))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("AWSEvents.ListEventSources");
                });
    }
}
