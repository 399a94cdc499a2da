package io.eventgate.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class EventContractTest {

    private static final SchemaRegistry DRAFT_4 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

    private static List<Error> validate(String schemaText, String json) {
        Schema schema = DRAFT_4.getSchema(schemaText, InputFormat.JSON);
        return schema.validate(json, InputFormat.JSON);
    }

    @ParameterizedTest
    @EnumSource(EventContract.class)
    void everyEventHasADraft4SchemaOnTheClasspath(EventContract contract) {
        assertThat(contract.schema()).contains("draft-04").contains("\"" + contract.eventName() + "\"");
        assertThat(EventContract.byEventName(contract.eventName())).contains(contract);
    }

    @Test
    void acceptsAnOrderCreatedDetail() {
        String detail = """
            {"metadata":{"eventName":"OrderCreated","eventSchemaVersion":"1","correlationId":"c-1"},
             "data":{"orderId":"o-1","customerId":"cust-1","createdAt":"2026-11-22T10:00:00Z","total":20.5,
                     "items":[{"sku":"SKU-1","quantity":2,"unitPrice":10.25}],
                     "shippingAddress":{"name":"Ada","line1":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}}
            """;
        assertThat(validate(EventContract.ORDER_CREATED.schema(), detail)).isEmpty();
    }

    @Test
    void rejectsAnOrderCreatedWithoutItemsOrWithALowerCaseCountry() {
        String detail = """
            {"metadata":{"eventName":"OrderCreated","eventSchemaVersion":"1","correlationId":"c-1"},
             "data":{"orderId":"o-1","customerId":"cust-1","createdAt":"2026-11-22T10:00:00Z","items":[],
                     "shippingAddress":{"name":"Ada","line1":"1 Main St","city":"Berlin","postalCode":"10115","country":"de"}}}
            """;
        assertThat(validate(EventContract.ORDER_CREATED.schema(), detail))
                .extracting(e -> e.getInstanceLocation().toString())
                .anyMatch(location -> location.contains("items"))
                .anyMatch(location -> location.contains("country"));
    }

    @Test
    void acceptsACarrierEventStampedByTheGateway() {
        String detail = """
            {"metadata":{"source":"com.carrier","eventName":"OrderShipped","eventSchemaVersion":"1",
                         "correlationId":"c-1","apiKeyId":"k123"},
             "data":{"orderId":"o-1","trackingNumber":"TRK-1","carrier":"ACME","shippedAt":"2026-11-22T10:00:00Z"}}
            """;
        assertThat(validate(EventContract.ORDER_SHIPPED.schema(), detail)).isEmpty();
    }

    @Test
    void gatewayEnvelopeRefusesACallerSuppliedApiKeyId() {
        String body = """
            {"metadata":{"source":"com.carrier","eventName":"OrderShipped","eventSchemaVersion":"1","apiKeyId":"spoofed"},
             "data":{"orderId":"o-1"}}
            """;
        assertThat(validate(EventContract.read(EventContract.GATEWAY_ENVELOPE_SCHEMA), body))
                .extracting(Error::getKeyword).contains("additionalProperties");
    }

    @Test
    void gatewayEnvelopeNeedsMetadataAndData() {
        assertThat(validate(EventContract.read(EventContract.GATEWAY_ENVELOPE_SCHEMA), "{\"data\":{}}"))
                .extracting(Error::getKeyword).containsExactly("required");
        assertThat(validate(EventContract.read(EventContract.GATEWAY_ENVELOPE_SCHEMA),
                "{\"metadata\":{\"source\":\"com.carrier\",\"eventName\":\"OrderShipped\",\"eventSchemaVersion\":\"1\"},\"data\":{}}"))
                .isEmpty();
    }
}
