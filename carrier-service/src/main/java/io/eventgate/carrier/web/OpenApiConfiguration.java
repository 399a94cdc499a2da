package io.eventgate.carrier.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Title, description and the two security schemes of the OpenAPI document served at {@code /v3/api-docs}: the API
 * destination's key and the back office's HTTP Basic credential.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI carrierOpenApi() {
        return new OpenAPI()
                .info(new Info().title("eventgate carrier").version("1")
                        .description("The parcel carrier's HTTP API. POST /shipments is what the EventBridge API "
                                + "destination calls for every OrderCreated event; the carrier reports OrderShipped, "
                                + "OrderDelivered and OrderCancelled to the event gateway by plain HTTP. Every other "
                                + "operation is the carrier's back office and needs the back-office credential."))
                .components(new Components()
                        .addSecuritySchemes("carrierApiKey", new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("x-api-key"))
                        .addSecuritySchemes("backOffice", new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("basic")));
    }
}
