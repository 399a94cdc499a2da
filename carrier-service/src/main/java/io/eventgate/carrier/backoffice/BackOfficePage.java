package io.eventgate.carrier.backoffice;

import io.eventgate.web.page.StaticPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The back-office page's address, {@code /back-office}; the service's root leads there. */
@Configuration(proxyBeanMethods = false)
class BackOfficePage {

    @Bean
    StaticPage page() {
        return new StaticPage("/back-office");
    }
}
