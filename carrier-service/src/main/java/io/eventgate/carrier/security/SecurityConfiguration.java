package io.eventgate.carrier.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the API-key check in front of {@code POST /shipments}, the one operation the API destination calls. The
 * progress and product operations are the carrier's own back office (see the README for how to protect them).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    private final InboundSettings settings;

    SecurityConfiguration(InboundSettings settings) {
        this.settings = settings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ApiKeyInterceptor(new ApiKeyCheck(settings.apiKey()))).addPathPatterns("/shipments");
    }
}
