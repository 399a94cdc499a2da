package io.eventgate.orders.tracking;

import io.eventgate.web.page.StaticPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tracking page's address: {@code /track} (static files under {@code static/track/}, no build step), and the
 * service's root leads there.
 */
@Configuration(proxyBeanMethods = false)
class TrackingPage {

    @Bean
    StaticPage page() {
        return new StaticPage("/track");
    }
}
