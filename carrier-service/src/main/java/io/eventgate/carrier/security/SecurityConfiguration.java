package io.eventgate.carrier.security;

import io.eventgate.web.security.CrossSiteWrites;
import io.eventgate.web.security.ProblemSecurityHandlers;
import io.eventgate.web.security.SingleUserAuthenticationProvider;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Two filter chains, two credentials that never stand in for each other:
 *
 * <ol>
 *   <li>{@code POST /shipments} — the API destination's inbound key in {@code x-api-key}. Checked by Spring
 *       Security's {@link AuthenticationFilter} before the controller, so an unauthenticated body is never read;</li>
 *   <li>everything else — the back office (listings, a shipment, dispatch, deliver, discontinue) over HTTP Basic with
 *       the back-office credential; health and the OpenAPI document are open. HTTP Basic credentials are ambient in a
 *       browser, so a state-changing request another site's page started ({@link CrossSiteWrites}) is refused with
 *       403: that is the cross-site request forgery protection, without tokens curl would have to fetch first. The
 *       back-office page ({@code /back-office}) is behind the same credential.</li>
 * </ol>
 *
 * Both are stateless (no session, no cookie); every 401 and 403 is a problem from the service's one advice.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String API_DESTINATION = "API_DESTINATION";
    static final String BACK_OFFICE = "BACK_OFFICE";
    static final String API_KEY_HEADER = "x-api-key";
    /**
     * The back-office page runs only its own script and style and talks only to this service: no inline script, no
     * other origin, never framed (so no other site can trick a signed-in user into clicking its buttons).
     */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain inboundShipments(HttpSecurity http, InboundSettings inbound,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        var problems = new ProblemSecurityHandlers(resolver, Optional.empty(), "A valid x-api-key header is required.",
                "This operation is not allowed.");
        var apiKey = new AuthenticationFilter(new ProviderManager(new ApiKeyAuthenticationProvider(inbound.apiKey())),
                request -> Optional.ofNullable(request.getHeader(API_KEY_HEADER)).map(ApiKeyAuthentication::presented)
                        .orElse(null));
        apiKey.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
        apiKey.setSuccessHandler((request, response, authentication) -> {
            // continue down the chain to the controller: no redirect, no saved request
        });
        return stateless(http)
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/shipments"))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(API_DESTINATION))
                .addFilterAt(apiKey, BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain backOffice(HttpSecurity http, BackOfficeSettings backOffice,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        var problems = new ProblemSecurityHandlers(resolver, Optional.of("Basic realm=\"carrier back office\""),
                "The back office needs its credential (HTTP Basic).",
                "A back-office change must not come from another site's page.");
        return stateless(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        .requestMatchers(new CrossSiteWrites()).denyAll()
                        .anyRequest().hasRole(BACK_OFFICE))
                .authenticationManager(new ProviderManager(new SingleUserAuthenticationProvider(backOffice.username(),
                        backOffice.password(), BACK_OFFICE)))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY)))
                .build();
    }

    private static HttpSecurity stateless(HttpSecurity http) {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
    }
}
