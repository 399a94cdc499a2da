package io.eventgate.carrier.shipment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.eventgate.web.text.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.eventgate.contracts.TraceParent;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code POST /shipments}, as the EventBridge input transformer renders it from an {@code OrderCreated}
 * event. Unknown top-level or address fields are refused (400); extra fields inside an item (such as the order's
 * {@code unitPrice}) are ignored, because the transformer passes the order's items through as they are. Types are
 * strict — a number or boolean where a string belongs is refused, never turned into text (service-web's JSON
 * settings) — and every free-text field follows service-web's {@link PlainText} rules.
 */
@Schema(name = "ShipmentRequest", description = "What the API destination sends for an OrderCreated event.")
record ShipmentRequest(
        @Schema(example = "7f9c1c1e-2b5d-4c7e-9f4a-0a7d1e2b3c4d")
        @NotBlank @Size(max = 64) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String orderId,
        @Schema(description = "optional", example = "cust-42")
        @Size(min = 1, max = 64) @PlainText String customerId,
        @Schema(description = "optional; defaults to the orderId", example = "c0ffee-1")
        @Size(min = 1, max = 128) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String correlationId,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Item> items,
        @NotNull @Valid Address shipTo,
        @Schema(description = "the EventBridge event id, from the input transformer's $.id; optional. It makes "
                + "redeliveries recognisable even where the Idempotency-Key header arrives unresolved",
                example = "9f2b6c1e-6a3d-4c5e-8f7a-1b2c3d4e5f60")
        @Size(min = 1, max = 128) @Pattern(regexp = EVENT_ID_PATTERN, message = EVENT_ID_MESSAGE) String eventId,
        @Schema(description = "the order's W3C trace context, from the input transformer; optional. Continued when the "
                + "traceparent header did not carry it; anything but a valid version-00 traceparent is ignored",
                example = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        @Size(max = 128) String traceparent) {

    static final String ID_PATTERN = "[A-Za-z0-9._:-]+";
    static final String ID_MESSAGE = "may contain only letters, digits and . _ : -";
    /** Printable ASCII, not starting with {@code $}: a JSON path sent as it stands is not an event id. */
    static final String EVENT_ID_PATTERN = "[\\x21-\\x23\\x25-\\x7E][\\x21-\\x7E]*";
    static final String EVENT_ID_MESSAGE = "must be the event's id (printable ASCII), not an unresolved JSON path such"
            + " as $.id";

    @Schema(name = "ShipmentItem", description = "One order line; other fields of the order's item are ignored.")
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(
            @Schema(example = "SKU-1") @NotBlank @Size(max = 64) @PlainText String sku,
            @Schema(example = "2") @NotNull @Min(1) @Max(100_000) Integer quantity) {
    }

    @Schema(name = "ShipTo", description = "The order's shipping address.")
    record Address(
            @Schema(example = "Ada Lovelace") @NotBlank @Size(max = 200) @PlainText String name,
            @Schema(example = "1 Main St") @NotBlank @Size(max = 200) @PlainText String line1,
            @Schema(description = "optional") @Size(max = 200) @PlainText String line2,
            @Schema(example = "Berlin") @NotBlank @Size(max = 100) @PlainText String city,
            @Schema(example = "10115") @NotBlank @Size(max = 20) @PlainText String postalCode,
            @Schema(description = "ISO 3166-1 alpha-2", example = "DE")
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE") String country) {
    }

    /**
     * The shipment to store; {@code idempotencyKey} as {@link EventIds} chose it (may be {@code null}), and the trace
     * context its reports are to carry back.
     */
    NewShipment toNewShipment(String idempotencyKey, Optional<TraceParent> trace) {
        return new NewShipment(orderId, customerId, correlationId == null ? orderId : correlationId,
                items.stream().map(item -> new Parcel(item.sku(), item.quantity())).toList(),
                new io.eventgate.carrier.shipment.Address(shipTo.name(), shipTo.line1(), shipTo.line2(), shipTo.city(),
                        shipTo.postalCode(), shipTo.country()),
                idempotencyKey, trace.map(TraceParent::toString).orElse(null));
    }

    /** The body's trace context, if it holds a valid one (an empty or unresolved value is no context). */
    Optional<TraceParent> carriedTrace() {
        return TraceParent.parse(traceparent);
    }
}
