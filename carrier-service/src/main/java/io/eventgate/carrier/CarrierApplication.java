package io.eventgate.carrier;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The carrier: a third party that speaks only HTTP. It receives shipment requests from the EventBridge API
 * destination, keeps its shipments in its own DynamoDB table and reports progress to the event gateway.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
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
