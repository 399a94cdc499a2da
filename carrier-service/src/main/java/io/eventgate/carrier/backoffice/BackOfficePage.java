package io.eventgate.carrier.backoffice;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The back-office page's address, {@code /back-office}; the service's root leads there. */
@Configuration(proxyBeanMethods = false)
class BackOfficePage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/back-office").setViewName("forward:/back-office/index.html");
        registry.addRedirectViewController("/", "/back-office");
    }
}
