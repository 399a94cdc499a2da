package io.eventgate.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBodySize the largest request body either service reads (declared or streamed); larger ones are
 *                    answered 413 without being read to the end. The largest valid order is far below the default.
 */
@Validated
@ConfigurationProperties("eventgate.web")
public record WebSettings(@DefaultValue("64KB") @NotNull DataSize maxBodySize) {
}
