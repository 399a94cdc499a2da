package io.eventgate.carrier.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The back office's HTTP Basic credential, separate from the API destination's key. The password comes from the
 * environment ({@code EVENTGATE_CARRIER_BACK_OFFICE_PASSWORD}; {@code ./eventgate run} generates one), never from
 * the repository; the service does not start without it.
 *
 * @param username the user name ({@code back-office}); no {@code :}, which HTTP Basic cannot carry
 * @param password the password, at least 16 characters
 */
@Validated
@ConfigurationProperties("eventgate.carrier.back-office")
public record BackOfficeSettings(
        @DefaultValue("back-office") @NotBlank @Pattern(regexp = "[^:]+", message = "must not contain ':'") String username,
        @NotBlank @Size(min = 16, message = "must be at least 16 characters") String password) {

    @Override
    public String toString() {
        return "BackOfficeSettings[username=" + username + ", password=***]";
    }
}
