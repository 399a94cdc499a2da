package io.eventgate.carrier.product;

import io.eventgate.carrier.shipment.ShipmentService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Product operations of the carrier. */
@RestController
class ProductController {

    private final ShipmentService shipments;

    ProductController(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @Operation(summary = "Discontinue a product", security = @SecurityRequirement(name = "backOffice"),
            description = "Cancels every RECEIVED (not yet shipped) shipment containing the SKU and reports "
                    + "OrderCancelled with reason 'Product {sku} discontinued' for each. Shipped ones are untouched.")
    @PostMapping(path = "/products/{sku}/discontinue", produces = MediaType.APPLICATION_JSON_VALUE)
    Discontinued discontinue(@PathVariable @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+",
            message = "may contain only letters, digits and . _ : -") String sku) {
        return new Discontinued(sku, shipments.discontinue(sku));
    }

    /** What discontinuing did: the orders whose shipments were cancelled. */
    record Discontinued(String sku, List<String> cancelledOrders) {
    }
}
