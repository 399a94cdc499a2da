package io.eventgate.web;

import io.eventgate.web.body.RequestBodyFilter;
import io.eventgate.web.container.ProblemReportValve;
import io.eventgate.web.tracing.CurrentTrace;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.core.Ordered;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * What both services import to get the shared HTTP edge: the problem+json error valve on Tomcat, the request-body
 * filter, a JSON reader that never guesses (no scalar coercion into strings, exact decimals, no name twice), and the
 * trace context in scope ({@link CurrentTrace}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebSettings.class)
public class ServiceWebConfiguration {

    /**
     * Runs after Boot's own Tomcat customizer (which adds an HTML {@code ErrorReportValve} to the host), so that
     * ours replaces it rather than sitting beside it.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve(WebSettings settings) {
        return new OrderedTomcatCustomizer(settings);
    }

    /** The trace context in scope, from Boot's tracer; none when tracing is off (no tracer bean then). */
    @Bean
    CurrentTrace currentTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new CurrentTrace(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /**
     * Spring Security observes each request's way through its filter chain as three spans of its own (before, the
     * secured request, after): in an order's trace that is noise around the HTTP server span, and work on every
     * request. Authentication and authorization stay observed.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
    }

    @Bean
    FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(WebSettings settings) {
        var registration = new FilterRegistrationBean<>(new RequestBodyFilter(settings.maxBodySize().toBytes()));
        // First of all filters: the wrapper only checks while the body is read, so wrapping early reads nothing
        // ahead of authentication, and every later reader (Spring Security, form parsing, MVC) sees the limits.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Jackson turns {@code 12345}, {@code 1.5} and {@code true} into the strings {@code "12345"}, {@code "1.5"} and
     * {@code "true"} unless told not to ({@code ALLOW_COERCION_OF_SCALARS} does not cover strings); a contract that
     * says "string" means it. Floating-point numbers are read as {@link java.math.BigDecimal}, so a price with 40
     * digits reaches the validation as sent instead of rounded to a double. A name twice in one object is refused:
     * Jackson would keep the last value, another parser the first, and the two would disagree about the request.
     */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    private record OrderedTomcatCustomizer(WebSettings settings)
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(ProblemReportValve::installOnHost);
            // Tomcat parses form bodies itself (for getParameter), past any wrapper: cap them the same way.
            factory.addConnectorCustomizers(connector -> connector.setMaxPostSize((int) settings.maxBodySize().toBytes()));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
