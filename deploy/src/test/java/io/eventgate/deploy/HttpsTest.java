package io.eventgate.deploy;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** API destinations call HTTPS only: the carrier's POST /shipments sits behind an HTTPS listener. */
class HttpsTest {

    private static final TemplateState SERVICES = Synthesized.APP.servicesResolved;

    @Test
    void theTemplatesSayHttpsWhereTheCarrierIsCalled() {
        Synthesized.APP.gateway.template().hasResourceProperties("AWS::Events::ApiDestination", Map.of(
                "InvocationEndpoint", Map.of("Fn::Join", List.of("", List.of("https://",
                        Map.of("Ref", "CarrierDomainName"), "/shipments")))));
        Synthesized.APP.services.template().hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 443, "Protocol", "HTTPS",
                "Certificates", List.of(Map.of("CertificateArn", Map.of("Ref", "CertificateArn")))));
        Synthesized.APP.services.template().hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 80, "Protocol", "HTTP", "DefaultActions", List.of(Map.of("Type", "redirect",
                        "RedirectConfig", Map.of("Protocol", "HTTPS", "Port", "443", "StatusCode", "HTTP_301")))));
    }

    @Test
    void theApiDestinationCallsTheCarriersHttpsName() {
        assertThat(Synthesized.APP.gatewayResolved.all("AWS::Events::ApiDestination").values()).singleElement()
                .satisfies(destination -> {
                    assertThat(destination.get("InvocationEndpoint").asString())
                            .isEqualTo("https://«param:CarrierDomainName»/shipments");
                    assertThat(destination.get("HttpMethod").asString()).isEqualTo("POST");
                });
    }

    @Test
    void theLoadBalancerServesHttpsWithTheGivenCertificateAndOnlyRedirectsHttp() {
        Map<Integer, JsonNode> listeners = new java.util.TreeMap<>();
        SERVICES.all("AWS::ElasticLoadBalancingV2::Listener").values()
                .forEach(listener -> listeners.put(listener.get("Port").asInt(), listener));

        assertThat(listeners).containsOnlyKeys(443, 80);
        JsonNode https = listeners.get(443);
        assertThat(https.get("Protocol").asString()).isEqualTo("HTTPS");
        assertThat(https.at("/Certificates/0/CertificateArn").asString()).isEqualTo("«param:CertificateArn»");
        assertThat(https.get("SslPolicy").asString()).startsWith("ELBSecurityPolicy-TLS13");
        assertThat(https.at("/DefaultActions/0/FixedResponseConfig/StatusCode").asString()).isEqualTo("404");
        JsonNode http = listeners.get(80);
        assertThat(http.at("/DefaultActions/0/Type").asString()).isEqualTo("redirect");
        assertThat(http.at("/DefaultActions/0/RedirectConfig/Protocol").asString()).isEqualTo("HTTPS");
        assertThat(http.at("/DefaultActions/0/RedirectConfig/Port").asString()).isEqualTo("443");
        assertThat(http.at("/DefaultActions/0/RedirectConfig/StatusCode").asString()).isEqualTo("HTTP_301");
    }

    @Test
    void onlyPostShipmentsOnTheCarriersNameReachesTheCarrier() {
        JsonNode rule = SERVICES.all("AWS::ElasticLoadBalancingV2::ListenerRule").values().stream()
                .filter(r -> r.at("/Actions/0/TargetGroupArn").asString().equals("«target-group:8081»"))
                .findFirst().orElseThrow();

        assertThat(rule.get("ListenerArn").asString()).isEqualTo("«listener:443»");
        assertThat(conditions(rule)).containsExactly("host-header [«param:CarrierDomainName»]",
                "path-pattern [/shipments]", "http-request-method [POST]");
    }

    @Test
    void theLoadBalancerAcceptsOnly443And80AndTheTasksOnlyTheLoadBalancer() {
        List<String> open = SERVICES.all("AWS::EC2::SecurityGroup").values().stream()
                .flatMap(group -> StreamSupport.stream(group.path("SecurityGroupIngress").spliterator(), false))
                .map(rule -> rule.path("CidrIp").asString() + ":" + rule.path("FromPort").asInt() + "-"
                        + rule.path("ToPort").asInt())
                .toList();
        List<String> tasks = SERVICES.all("AWS::EC2::SecurityGroupIngress").values().stream()
                .map(rule -> rule.path("SourceSecurityGroupId").asString() + ":" + rule.path("FromPort").asInt())
                .toList();

        assertThat(open).containsExactlyInAnyOrder("0.0.0.0/0:443-443", "0.0.0.0/0:80-80");
        assertThat(tasks).containsExactlyInAnyOrder("«getatt:EndpointSecurityGroup3A4D971B.GroupId»:8081",
                "«getatt:EndpointSecurityGroup3A4D971B.GroupId»:8080");
    }

    private static List<String> conditions(JsonNode rule) {
        List<String> conditions = new java.util.ArrayList<>();
        for (JsonNode condition : rule.get("Conditions")) {
            JsonNode config = condition.properties().stream().map(Map.Entry::getValue).filter(JsonNode::isObject)
                    .findFirst().orElseThrow();
            conditions.add(condition.get("Field").asString() + " " + StreamSupport.stream(
                    config.get("Values").spliterator(), false).map(JsonNode::asString).toList());
        }
        return conditions;
    }
}
