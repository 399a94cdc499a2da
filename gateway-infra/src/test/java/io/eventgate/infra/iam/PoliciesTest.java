package io.eventgate.infra.iam;

import io.eventgate.infra.aws.JsonDocs;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PoliciesTest {

    @Test
    void trustsTheServiceOnlyForThisAccount() {
        String trust = Policies.trust("apigateway.amazonaws.com", "123456789012");

        assertThat(JsonDocs.read(trust)).isEqualTo(JsonDocs.read("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"Service":"apigateway.amazonaws.com"},"Action":"sts:AssumeRole",
                 "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}]}"""));
    }

    @Test
    void allowsOneActionOnOneResourceAndNoWildcard() {
        String busArn = "arn:aws:events:eu-central-1:123456789012:event-bus/eventgate";

        String policy = Policies.allow("events:PutEvents", busArn);

        assertThat(JsonDocs.read(policy).at("/Statement/0/Resource").asString()).isEqualTo(busArn);
        assertThat(JsonDocs.read(policy).at("/Statement/0/Action").asString()).isEqualTo("events:PutEvents");
        assertThat(policy).doesNotContain("*");
    }

    @Test
    void letsTheGatewayPutOnlyPartnerSourcesAndEventNamesOnTheBus() {
        String busArn = "arn:aws:events:eu-central-1:123456789012:event-bus/eventgate";

        String policy = Policies.allowPutEvents(busArn, List.of("com.carrier"), List.of("OrderShipped"));

        assertThat(JsonDocs.read(policy)).isEqualTo(JsonDocs.read("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"events:PutEvents",
                 "Resource":"arn:aws:events:eu-central-1:123456789012:event-bus/eventgate",
                 "Condition":{"StringEquals":{"events:source":["com.carrier"],
                                              "events:detail-type":["OrderShipped"]}}}]}"""));
    }
}
