package io.eventgate.carrier.security;

import static io.eventgate.carrier.RunningCarrier.BACK_OFFICE_AUTHORIZATION;
import static io.eventgate.carrier.RunningCarrier.json;
import static io.eventgate.carrier.RunningCarrier.shipmentRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventgate.carrier.RunningCarrier;
import io.eventgate.carrier.RunningCarrierTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The carrier's two credentials (README, trust model): the API destination's key opens {@code POST /shipments} and
 * nothing else; the back-office credential opens the back office and not {@code POST /shipments}.
 */
class CarrierSecurityTest extends RunningCarrierTest {

    /** Every back-office operation, as method and path (for an order that exists). */
    private static List<String[]> backOffice(String orderId) {
        return List.of(new String[] {"GET", "/shipments?status=RECEIVED"}, new String[] {"GET", "/shipments/" + orderId},
                new String[] {"POST", "/shipments/" + orderId + "/dispatch"}, new String[] {"POST", "/shipments/" + orderId + "/deliver"},
                new String[] {"POST", "/products/SKU-" + orderId + "/discontinue"});
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response.body()).path("status").asInt()).isEqualTo(status);
    }

    private static String receivedOrder() {
        String orderId = "o-" + UUID.randomUUID();
        assertThat(carrier.requestShipment(shipmentRequest(orderId, "SKU-" + orderId), null).statusCode()).isEqualTo(201);
        return orderId;
    }

    @Test
    void theBackOfficeWithoutACredentialIs401WithABasicChallengeAndChangesNothing() {
        String orderId = receivedOrder();

        for (String[] operation : backOffice(orderId)) {
            HttpResponse<String> response = carrier.send(operation[0], operation[1], null);

            assertProblem(response, 401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"carrier back office\"");
            assertThat(response.body()).doesNotContain("RECEIVED", "Ada Lovelace");
        }
        assertThat(carrier.shipment(orderId).path("status").asString()).isEqualTo("RECEIVED");
    }

    @Test
    void theBackOfficeWithAWrongCredentialOrTheApiKeyIs401() {
        String orderId = receivedOrder();

        for (String[] operation : backOffice(orderId)) {
            for (String[] headers : List.of(
                    new String[] {"Authorization", basic("back-office", "not-the-password-at-all")},
                    new String[] {"Authorization", basic("admin", RunningCarrier.BACK_OFFICE_PASSWORD)},
                    new String[] {"Authorization", "Basic !!!not-base64"},
                    new String[] {"Authorization", "Bearer " + RunningCarrier.BACK_OFFICE_PASSWORD},
                    new String[] {"x-api-key", RunningCarrier.API_KEY})) {
                assertProblem(carrier.send(operation[0], operation[1], null, headers), 401);
            }
        }
        assertThat(carrier.shipment(orderId).path("status").asString()).isEqualTo("RECEIVED");
    }

    @Test
    void theBackOfficeWithItsCredentialWorks() {
        String orderId = receivedOrder();

        for (String[] operation : backOffice(orderId)) {
            HttpResponse<String> response = carrier.send(operation[0], operation[1], null,
                    "Authorization", BACK_OFFICE_AUTHORIZATION);
            assertThat(response.statusCode()).as("%s %s: %s", operation[0], operation[1], response.body()).isBetween(200, 299);
        }
        assertThat(carrier.shipment(orderId).path("status").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void theBackOfficePageIsBehindTheBackOfficeCredentialAndRunsOnlyItsOwnScript() {
        for (String path : List.of("/back-office", "/back-office/index.html", "/back-office/back-office.js", "/")) {
            HttpResponse<String> anonymous = carrier.send("GET", path, null);
            assertProblem(anonymous, 401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"carrier back office\"");
            assertThat(carrier.send("GET", path, null, "x-api-key", RunningCarrier.API_KEY).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> page = carrier.send("GET", "/back-office", null, "Authorization", BACK_OFFICE_AUTHORIZATION);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<h1>Back office</h1>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(carrier.send("GET", "/", null, "Authorization", BACK_OFFICE_AUTHORIZATION)
                .headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/back-office"));
    }

    @Test
    void theBackOfficeCredentialDoesNotOpenTheApiDestinationsOperation() {
        String orderId = "o-" + UUID.randomUUID();

        HttpResponse<String> response = carrier.send("POST", "/shipments", shipmentRequest(orderId, "SKU-1"),
                "Content-Type", "application/json", "Authorization", BACK_OFFICE_AUTHORIZATION);

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(json(response.body()).path("detail").asString()).contains("x-api-key");
        assertThat(carrier.get("/shipments/" + orderId).statusCode()).isEqualTo(404);
    }

    @Test
    void aBackOfficeChangeThatAnotherSitesPageStartedIs403() {
        String orderId = receivedOrder();

        for (String site : List.of("cross-site", "same-site")) {
            HttpResponse<String> forged = carrier.send("POST", "/shipments/" + orderId + "/dispatch", null,
                    "Authorization", BACK_OFFICE_AUTHORIZATION, "Sec-Fetch-Site", site);
            assertProblem(forged, 403);
        }
        assertThat(carrier.shipment(orderId).path("status").asString()).isEqualTo("RECEIVED");
        assertThat(carrier.send("GET", "/shipments/" + orderId, null, "Authorization", BACK_OFFICE_AUTHORIZATION,
                "Sec-Fetch-Site", "cross-site").statusCode()).as("reads are not changes").isEqualTo(200);
        assertThat(carrier.send("POST", "/shipments/" + orderId + "/dispatch", null, "Authorization",
                BACK_OFFICE_AUTHORIZATION, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(200);
    }

    @Test
    void healthAndTheApiDocumentStayOpenAndNothingIsStateful() {
        assertThat(carrier.send("GET", "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        HttpResponse<String> docs = carrier.send("GET", "/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(json(docs.body()).path("components").path("securitySchemes").path("backOffice").path("scheme")
                .asString()).isEqualTo("basic");
        assertThat(carrier.get("/shipments?status=RECEIVED").headers().firstValue("Set-Cookie")).isEmpty();
        assertProblem(carrier.send("GET", "/actuator/env", null), 401);
    }
}
