package io.eventgate.carrier.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The secret the API destination must present ({@code eventgate.carrier.api-key}); set it from the environment
 * ({@code EVENTGATE_CARRIER_API_KEY}), never in the repository.
 */
@Validated
@ConfigurationProperties("eventgate.carrier")
public record InboundSettings(@NotBlank @Size(min = 16, message = "must be at least 16 characters") String apiKey) {

    @Override
    public String toString() {
        return "InboundSettings[apiKey=***]";
    }
}
