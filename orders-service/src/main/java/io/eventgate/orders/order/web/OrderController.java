package io.eventgate.orders.order.web;

import io.eventgate.orders.order.OrderIds;
import io.eventgate.orders.order.OrderPage;
import io.eventgate.orders.order.OrderService;
import io.eventgate.orders.order.OrderStatus;
import io.eventgate.orders.order.Placement;
import io.eventgate.web.problem.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;
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
import tools.jackson.databind.JsonNode;

/** The orders API. Thin: validation is in {@link CreateOrderRequestReader}, rules in the domain. */
@SecurityScheme(name = OrderController.OPERATOR, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "The operator's credential (user operator); see the README's trust model")
@RestController
@RequestMapping(path = "/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String OPERATOR = "operator";
    private static final Pattern KEY_SHAPE = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final int MAX_PAGE = 100;

    private final OrderService orders;
    private final CreateOrderRequestReader requests;

    OrderController(OrderService orders, CreateOrderRequestReader requests) {
        this.orders = orders;
        this.requests = requests;
    }

    @Operation(summary = "Place an order",
            description = "201 with Location for a new order. With an Idempotency-Key, repeating the same request "
                    + "returns 200 with the order the first one created; the same key with a different body is 422.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = CreateOrderRequest.class))))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OrderResponse> place(@RequestBody JsonNode body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) Optional<String> idempotencyKey) {
        idempotencyKey.ifPresent(key -> {
            if (!KEY_SHAPE.matcher(key).matches()) {
                throw new InvalidRequestException(IDEMPOTENCY_KEY, "must be 1 to 255 visible ASCII characters");
            }
        });
        CreateOrderRequest request = requests.read(body);
        Placement placement = orders.place(request.toNewOrder(), idempotencyKey);
        URI location = URI.create("/orders/" + placement.order().id());
        OrderResponse response = OrderResponse.of(placement.order());
        return placement.created()
                ? ResponseEntity.created(location).body(response)
                : ResponseEntity.ok().location(location).body(response);
    }

    @Operation(summary = "Read one order",
            description = "Open to whoever holds the order's id (an unguessable UUID handed out by POST /orders). "
                    + "Anything that is not such an id is 400; an unknown one is 404.")
    @GetMapping("/{id}")
    OrderResponse get(@PathVariable String id) {
        if (!OrderIds.isWellFormed(id)) {
            throw new InvalidRequestException("id", "must be an order id as POST /orders returns it (a lower-case UUID)");
        }
        return OrderResponse.of(orders.get(id));
    }

    @Operation(summary = "List orders in a status, oldest first, page by page",
            description = "For operators only: HTTP Basic with the operator credential (see the README's trust model).",
            security = @SecurityRequirement(name = OPERATOR))
    @GetMapping
    OrderPageResponse list(@RequestParam OrderStatus status,
            @RequestParam(defaultValue = "20") int limit,
            @RequestParam Optional<String> cursor) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_PAGE);
        }
        OrderPage page = orders.list(status, limit, cursor.filter(c -> !c.isEmpty()));
        return new OrderPageResponse(page.orders().stream().map(OrderResponse::of).toList(),
                page.nextCursor().orElse(null));
    }
}
