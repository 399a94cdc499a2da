package io.eventgate.orders.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operator's HTTP Basic credential, needed to list orders ({@code GET /orders?status=}). The password comes from
 * the environment ({@code EVENTGATE_ORDERS_OPERATOR_PASSWORD}; {@code ./eventgate run} generates one), never from the
 * repository. Without one, listing is closed to everybody.
 *
 * @param username the user name ({@code operator})
 * @param password the password, at least 16 characters; empty = listing closed
 */
@Validated
@ConfigurationProperties("eventgate.orders.operator")
public record OperatorSettings(
        @DefaultValue("operator") @NotBlank String username,
        Optional<@Size(min = 16, message = "must be at least 16 characters") String> password) {

    public OperatorSettings {
        password = password == null ? Optional.empty() : password.filter(p -> !p.isEmpty());
    }

    @Override
    public String toString() {
        return "OperatorSettings[username=" + username + ", password=" + (password.isPresent() ? "***" : "none") + "]";
    }
}
