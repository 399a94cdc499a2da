package io.eventgate.orders.security;

import io.eventgate.web.security.ProblemSecurityHandlers;
import io.eventgate.web.security.SingleUserAuthenticationProvider;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The orders API's read policy, in one filter chain:
 *
 * <ul>
 *   <li>{@code POST /orders} and {@code GET /orders/{id}} are open. An order id is a random UUID handed only to the
 *       client that placed the order, so holding it is what entitles a caller to read that order — the way a
 *       tracking link works. So is {@code GET /orders/{id}/updates}, the same order's live updates, with the same
 *       check of the id;</li>
 *   <li>the tracking page ({@code /track}, and {@code /} leading there) is open: it shows only what its user holds
 *       an id for;</li>
 *   <li>{@code GET /orders?status=} (everybody's orders, names and addresses) needs the operator credential;</li>
 *   <li>health, info and the OpenAPI document are open; anything else needs the operator (deny by default).</li>
 * </ul>
 *
 * Stateless: no session, no cookie, so no cross-site request forgery to defend against — the only ambient
 * credential (HTTP Basic) guards reads. {@code Referrer-Policy: no-referrer} keeps an order id in a page's URL from
 * leaking to other sites.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String OPERATOR = "OPERATOR";
    /**
     * The tracking page runs only its own script and style and talks only to this service: no inline script, no
     * other origin, never framed — so text from an order can never run as code there, and no other site can wrap it.
     */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain ordersApi(HttpSecurity http, OperatorSettings operator,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        var problems = new ProblemSecurityHandlers(resolver, Optional.of("Basic realm=\"eventgate orders\""),
                "This operation needs the operator's credentials (HTTP Basic).", "This operation is not allowed.");
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/orders").hasRole(OPERATOR)
                        .requestMatchers("/orders", "/orders/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/orders/*/updates", "/", "/track", "/track/*").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .anyRequest().hasRole(OPERATOR))
                .authenticationManager(operatorAuthentication(operator))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY)))
                .build();
    }

    private static AuthenticationManager operatorAuthentication(OperatorSettings operator) {
        if (operator.password().isEmpty()) {
            log.info("no operator password (eventgate.orders.operator.password): listing orders is closed");
            return authentication -> {
                throw new BadCredentialsException("no operator is configured");
            };
        }
        return new ProviderManager(new SingleUserAuthenticationProvider(operator.username(),
                operator.password().get(), OPERATOR));
    }
}
