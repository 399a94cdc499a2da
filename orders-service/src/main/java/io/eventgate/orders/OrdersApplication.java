package io.eventgate.orders;

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
 * The orders service: REST API, DynamoDB storage, outbox relay to EventBridge, SQS inbox.
 *
 * <p>Two of Boot's defaults are left out on purpose: its {@code /error} page (Boot's own JSON), so that every error
 * the application's handlers do not answer is rendered by service-web's problem+json valve; and its generated
 * default user, because every credential here is configured (see the security package).
 */
@SpringBootApplication(exclude = {ErrorMvcAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConfigurationPropertiesScan
@Import({ServiceWebConfiguration.class, ServiceAwsConfiguration.class})
public class OrdersApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrdersApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
