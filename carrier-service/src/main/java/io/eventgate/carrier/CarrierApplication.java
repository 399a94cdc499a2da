package io.eventgate.carrier;

import io.eventgate.aws.ServiceAwsConfiguration;
import io.eventgate.web.ServiceWebConfiguration;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The carrier: a third party that speaks only HTTP. It receives shipment requests from the EventBridge API
 * destination, keeps its shipments in its own DynamoDB table and reports progress to the event gateway.
 *
 * <p>Two of Boot's defaults are left out on purpose: its {@code /error} page (Boot's own JSON), so that every error
 * the advice does not answer is rendered by service-web's problem+json valve; and its generated default user,
 * because both credentials are configured (see the security package).
 */
@SpringBootApplication(exclude = {ErrorMvcAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConfigurationPropertiesScan
@Import({ServiceWebConfiguration.class, ServiceAwsConfiguration.class})
public class CarrierApplication {

    public static void main(String[] args) {
        SpringApplication.run(CarrierApplication.class, args);
    }

    /** Every timestamp the carrier writes comes from here, so that tests and simulations can control time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
