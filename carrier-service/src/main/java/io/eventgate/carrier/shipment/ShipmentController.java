package io.eventgate.carrier.shipment;

import io.eventgate.carrier.observability.TraceContinuation;
import io.eventgate.contracts.TraceParent;
import io.eventgate.web.tracing.CurrentTrace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shipments API: what the API destination calls ({@code POST /shipments}, with the inbound key), and the
 * carrier's own back-office operations (with the back-office credential; see the security package).
 */
@RestController
@RequestMapping(path = "/shipments", produces = MediaType.APPLICATION_JSON_VALUE)
class ShipmentController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String REQUEST_EXAMPLE = """
            {"orderId":"7f9c1c1e-2b5d-4c7e-9f4a-0a7d1e2b3c4d","customerId":"cust-42","correlationId":"c0ffee-1",
             "eventId":"9f2b6c1e-6a3d-4c5e-8f7a-1b2c3d4e5f60","items":[{"sku":"SKU-1","quantity":2,"unitPrice":10.25}],
             "shipTo":{"name":"Ada Lovelace","line1":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}""";

    private final ShipmentService shipments;
    private final TraceContinuation trace;
    private final CurrentTrace currentTrace;

    ShipmentController(ShipmentService shipments, TraceContinuation trace, CurrentTrace currentTrace) {
        this.shipments = shipments;
        this.trace = trace;
        this.currentTrace = currentTrace;
    }

    @Operation(summary = "Ask the carrier to ship an order",
            description = "Called by the EventBridge API destination for every OrderCreated event. Stores the "
                    + "shipment as RECEIVED and answers at once. A redelivery of the same event (its eventId in the "
                    + "body, or a resolved Idempotency-Key header), or any second request for the same orderId, "
                    + "returns the stored shipment with 200. A header value starting with $ (an unresolved JSON "
                    + "path, as LocalStack sends it) is ignored.",
            security = @SecurityRequirement(name = "carrierApiKey"),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            examples = @ExampleObject(name = "from OrderCreated", value = REQUEST_EXAMPLE))))
    @ApiResponse(responseCode = "201", description = "stored; Location names the shipment")
    @ApiResponse(responseCode = "200", description = "already received: the stored shipment")
    @ApiResponse(responseCode = "400", description = "invalid body or header; nothing stored",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "missing or wrong x-api-key; nothing stored",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "the event id was already used for another order",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ShipmentResponse> receive(
            @Parameter(in = ParameterIn.HEADER, description = "the EventBridge event id; optional (the body's "
                    + "eventId and the orderId already make the request idempotent); must equal eventId when both are"
                    + " sent; a value starting with $ is an unresolved JSON path and is ignored")
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
            @Size(min = 1, max = 128) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII")
            String idempotencyKey,
            @Valid @RequestBody ShipmentRequest request) {
        // In the order's trace (from the traceparent header, else the body's): the shipment keeps that context, and
        // its reports carry it back through the gateway.
        ShipmentService.Received received = trace.within(request.carriedTrace(), () -> shipments.receive(
                request.toNewShipment(EventIds.idempotencyKey(idempotencyKey, request.eventId()),
                        currentTrace.traceparent().flatMap(TraceParent::parse))));
        // the shipment as stored; its reports (if any by now) are one GET away
        ShipmentResponse body = ShipmentResponse.summary(received.shipment());
        if (!received.created()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create("/shipments/" + received.shipment().orderId())).body(body);
    }

    @Operation(summary = "A shipment with the delivery state of each of its reports to the gateway", security = @SecurityRequirement(name = "backOffice"))
    @ApiResponse(responseCode = "200", description = "the shipment")
    @ApiResponse(responseCode = "404", description = "no shipment for the order",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{orderId}")
    ShipmentResponse get(@PathVariable @OrderIdValue String orderId) {
        return ShipmentResponse.of(shipments.get(orderId));
    }

    @Operation(summary = "Shipments in a status, most recent change first", security = @SecurityRequirement(name = "backOffice"))
    @GetMapping
    ShipmentList list(@RequestParam ShipmentStatus status,
                      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return new ShipmentList(shipments.list(status, limit).stream().map(ShipmentResponse::summary).toList());
    }

    @Operation(summary = "Hand a RECEIVED shipment to the road: assigns a tracking number and reports OrderShipped", security = @SecurityRequirement(name = "backOffice"))
    @ApiResponse(responseCode = "200", description = "now SHIPPED")
    @ApiResponse(responseCode = "409", description = "the shipment is not RECEIVED",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/{orderId}/dispatch")
    ShipmentResponse dispatch(@PathVariable @OrderIdValue String orderId) {
        return ShipmentResponse.of(shipments.dispatch(orderId));
    }

    @Operation(summary = "Hand a SHIPPED shipment to the customer: reports OrderDelivered", security = @SecurityRequirement(name = "backOffice"))
    @ApiResponse(responseCode = "200", description = "now DELIVERED")
    @ApiResponse(responseCode = "409", description = "the shipment is not SHIPPED",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/{orderId}/deliver")
    ShipmentResponse deliver(@PathVariable @OrderIdValue String orderId) {
        return ShipmentResponse.of(shipments.deliver(orderId));
    }

    /** A page of shipments. */
    record ShipmentList(List<ShipmentResponse> shipments) {
    }
}
