package io.eventgate.infra.apigateway;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.eventgate.contracts.EventContract;
import io.eventgate.infra.aws.JsonDocs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request model generated from event-contracts, checked by a draft-4 validator as API Gateway checks bodies: every
 * contract-breaking event is invalid, valid ones pass, and text SQS cannot carry is refused.
 */
class GatewayModelTest {

    private static final Schema MODEL = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
            .getSchema(GatewayModel.schema(List.of("OrderShipped", "OrderDelivered", "OrderCancelled")),
                    InputFormat.JSON);

    private static final String SHIPPED = """
            {"metadata":{"source":"com.carrier","eventName":"OrderShipped","eventSchemaVersion":"1",
                         "correlationId":"corr-1"},
             "data":{"orderId":"ord-1","trackingNumber":"TRK-1","carrier":"Ada's Parcels","shippedAt":"%s"}}""";

    private static boolean valid(String body) {
        return MODEL.validate(body, InputFormat.JSON).isEmpty();
    }

    private static String shipped(String data) {
        return """
                {"metadata":{"source":"com.carrier","eventName":"OrderShipped","eventSchemaVersion":"1"},
                 "data":%s}""".formatted(data);
    }

    @Test
    void acceptsTheEventsPartnersPublishWhenTheyKeepTheirContract() {
        assertThat(valid(SHIPPED.formatted("2026-11-23T11:00:00Z"))).isTrue();
        assertThat(valid(SHIPPED.formatted("2026-11-23T11:00:00.123456789+02:00"))).isTrue();
        assertThat(valid(SHIPPED.formatted("2028-02-29T00:00:00Z"))).as("a leap day").isTrue();
        assertThat(valid("""
                {"metadata":{"source":"com.carrier","eventName":"OrderDelivered","eventSchemaVersion":"1"},
                 "data":{"orderId":"ord-1","deliveredAt":"2026-11-23T12:00:00Z"}}""")).isTrue();
        assertThat(valid("""
                {"metadata":{"source":"com.carrier","eventName":"OrderCancelled","eventSchemaVersion":"1"},
                 "data":{"orderId":"ord-1","reason":"Product discontinued 😢 — désolé"}}""")).isTrue();
    }

    @Test
    void refusesEachContractBreakingOrderShipped() {
        assertThat(valid(shipped("{\"orderId\":\"o-1\",\"carrier\":\"X\",\"shippedAt\":\"2026-11-23T11:00:00Z\"}")))
                .as("no trackingNumber").isFalse();
        assertThat(valid(shipped("{\"orderId\":12345,\"trackingNumber\":\"T\",\"carrier\":\"X\","
                + "\"shippedAt\":\"2026-11-23T11:00:00Z\"}"))).as("numeric orderId").isFalse();
        assertThat(valid(SHIPPED.formatted("2026-11-23T11:00:00Z").replace("\"eventSchemaVersion\":\"1\"",
                "\"eventSchemaVersion\":\"2\""))).as("eventSchemaVersion 2").isFalse();
        assertThat(valid(shipped("{\"orderId\":\"o-1\",\"trackingNumber\":\"T\",\"carrier\":\"X\","
                + "\"shippedAt\":\"2026-11-23T11:00:00Z\",\"extra\":true}"))).as("unknown extra field").isFalse();
        assertThat(valid(SHIPPED.formatted("yesterday"))).as("shippedAt yesterday").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2027-02-29T10:00:00Z", "2026-13-01T10:00:00Z",
            "2026-11-23 11:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T11:00:00", "2026-11-23t11:00:00z",
            "2026-11-23T11:00:00Z\\n", "2026-11-23", "+2026-11-23T11:00:00Z"})
    void refusesDatesThatAreNotRfc3339InstantsOnARealDay(String date) {
        assertThat(valid(SHIPPED.formatted(date))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "TRK-\\udfff-1", "\\udc00\\ud800", "A\\ud83d", "\\uffff", "\\ufffe"})
    void refusesTextSqsCannotCarry(String text) {
        assertThat(valid(shipped("{\"orderId\":\"o-1\",\"trackingNumber\":\"" + text + "\",\"carrier\":\"X\","
                + "\"shippedAt\":\"2026-11-23T11:00:00Z\"}"))).isFalse();
    }

    @Test
    void acceptsAnyTextSqsCarriesIncludingEscapedControlCharactersAndSurrogatePairs() {
        assertThat(valid(shipped("{\"orderId\":\"o-1\",\"trackingNumber\":\"\\ud83d\\ude00 \\u0000\\t\\u001f\","
                + "\"carrier\":\"\\ue000\\ufffd\",\"shippedAt\":\"2026-11-23T11:00:00Z\"}"))).isTrue();
    }

    @Test
    void refusesMetadataTheGatewayStampsItselfAndOversizedFields() {
        assertThat(valid(SHIPPED.formatted("2026-11-23T11:00:00Z").replace("\"correlationId\":\"corr-1\"",
                "\"correlationId\":\"corr-1\",\"apiKeyId\":\"forged\""))).as("forged apiKeyId").isFalse();
        assertThat(valid(shipped("{\"orderId\":\"" + "o".repeat(65) + "\",\"trackingNumber\":\"T\","
                + "\"carrier\":\"X\",\"shippedAt\":\"2026-11-23T11:00:00Z\"}"))).as("orderId over 64").isFalse();
        assertThat(valid(shipped("{\"orderId\":\"o-1\",\"trackingNumber\":\"" + "T".repeat(1_100_000)
                + "\",\"carrier\":\"X\",\"shippedAt\":\"2026-11-23T11:00:00Z\"}"))).as("1.1 MB field").isFalse();
    }

    @Test
    void letsEventNamesNoPartnerPublishesThroughForTheTrustCheckToRefuse() {
        assertThat(valid("""
                {"metadata":{"source":"eventgate.orders","eventName":"OrderCreated","eventSchemaVersion":"1"},
                 "data":{"orderId":"made-up"}}""")).as("answered 403 by the grants, not 400").isTrue();
        assertThat(valid("""
                {"metadata":{"source":"com.carrier","eventName":"Whatever","eventSchemaVersion":"7"},
                 "data":{}}""")).isTrue();
        assertThat(valid("""
                {"metadata":{"source":"com.carrier","eventName":"OrderCreated","eventSchemaVersion":"1"},
                 "data":[]}""")).as("the envelope still holds").isFalse();
    }

    @Test
    void isGeneratedFromTheContractsOfThePartnersEventsOnly() {
        var model = JsonDocs.read(GatewayModel.schema(List.of("OrderDelivered")));

        assertThat(model.path("$schema").asString()).contains("draft-04");
        assertThat(model.path("anyOf")).hasSize(2);
        assertThat(model.at("/anyOf/0/properties/metadata/properties/eventName/enum/0").asString())
                .isEqualTo("OrderDelivered");
        var contractData = JsonDocs.read(EventContract.ORDER_DELIVERED.schema()).at("/properties/data");
        assertThat(model.at("/anyOf/0/properties/data/required")).isEqualTo(contractData.path("required"));
        assertThat(model.at("/anyOf/0/properties/data/properties/deliveredAt/pattern").asString())
                .isEqualTo(GatewayModel.DATE_TIME);
        assertThat(model.at("/anyOf/1/properties/metadata/properties/eventName/not/enum"))
                .isEqualTo(JsonDocs.read("[\"OrderDelivered\"]"));
    }
}
