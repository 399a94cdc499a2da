package io.eventgate.orders.security;

import static io.eventgate.web.testing.ContainerRejectionsContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventgate.orders.support.IntegrationTest;
import io.eventgate.web.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** The orders API's read policy (README, trust model): one order by its id for anyone, the listing for the operator. */
class ReadPolicyTest extends IntegrationTest {

    private static final String ORDER = """
            {"customerId":"c-read","items":[{"sku":"SKU-1","quantity":1,"unitPrice":1}],
             "shippingAddress":{"name":"Ada","line1":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}""";

    @LocalServerPort
    int port;

    private static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void listingOrdersWithoutTheOperatorCredentialIs401WithABasicChallenge() {
        RawHttp.Response anonymous = RawHttp.request(port, "GET", "/orders?status=PENDING", null);

        assertProblem(anonymous, 401);
        assertThat(anonymous.header("www-authenticate")).hasValue("Basic realm=\"eventgate orders\"");
        assertThat(anonymous.body()).doesNotContain("c-read");
    }

    @Test
    void listingOrdersWithAWrongCredentialIs401() {
        for (String wrong : new String[] {basic("operator", "wrong-password-0123456"), basic("admin", OPERATOR_PASSWORD),
                basic("operator", ""), "Authorization: Basic !!!", "Authorization: Bearer " + OPERATOR_PASSWORD}) {
            assertProblem(RawHttp.request(port, "GET", "/orders?status=PENDING", null, wrong), 401);
        }
    }

    @Test
    void theOperatorListsOrders() {
        RawHttp.request(port, "POST", "/orders", ORDER, "Content-Type: application/json");

        RawHttp.Response listed = RawHttp.request(port, "GET", "/orders?status=PENDING&limit=100", null,
                "Authorization: " + operatorAuthorization());

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains("\"items\"");
    }

    @Test
    void anyoneHoldingAnOrderIdReadsThatOrderAndNothingLeaksTheIdElsewhere() {
        RawHttp.Response created = RawHttp.request(port, "POST", "/orders", ORDER, "Content-Type: application/json");
        String id = JsonMapper.builder().build().readTree(created.body()).get("id").asString();

        RawHttp.Response read = RawHttp.request(port, "GET", "/orders/" + id, null);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains(id).contains("Ada");
        assertThat(read.header("referrer-policy")).hasValue("no-referrer");
        assertThat(read.header("cache-control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(read.header("set-cookie")).as("stateless").isEmpty();
    }

    @Test
    void anythingNotOpenNeedsTheOperator() {
        assertProblem(RawHttp.request(port, "GET", "/actuator/env", null), 401);
        assertProblem(RawHttp.request(port, "GET", "/no-such-thing", null), 401);
        assertThat(RawHttp.request(port, "GET", "/actuator/health", null).status()).isEqualTo(200);
        assertThat(RawHttp.request(port, "GET", "/v3/api-docs", null).status()).isEqualTo(200);
    }
}
