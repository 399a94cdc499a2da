package io.eventgate.orders.tracking;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The tracking page's address: {@code /track} (static files under {@code static/track/}, no build step), and the
 * service's root leads there.
 */
@Configuration(proxyBeanMethods = false)
class TrackingPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/track").setViewName("forward:/track/index.html");
        registry.addRedirectViewController("/", "/track");
    }
}
