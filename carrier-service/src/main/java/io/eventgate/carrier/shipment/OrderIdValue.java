package io.eventgate.carrier.shipment;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An order id in a path, as the carrier takes it in a request body ({@link ShipmentRequest#orderId()}): at most 64 of
 * {@code [A-Za-z0-9._:-]}. Each broken rule is reported with its own message.
 */
@Documented
@Constraint(validatedBy = {})
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Size(max = 64)
@Pattern(regexp = ShipmentRequest.ID_PATTERN, message = ShipmentRequest.ID_MESSAGE)
public @interface OrderIdValue {

    String message() default "must be an order id";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
