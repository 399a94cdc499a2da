package io.eventgate.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Spring Security's 401 (no or wrong credentials) and 403 (not allowed) handed to the service's Spring MVC
 * exception handling, so that the service's one problem-details advice answers them like any other error (with the
 * exception's message as the problem's detail). The
 * entry point adds the chain's {@code WWW-Authenticate} challenge (for HTTP Basic, what makes a browser ask for
 * the credentials). Falls back to a plain {@code sendError} — which the container's error valve renders as a
 * problem too — if no handler takes the exception.
 */
public final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final HandlerExceptionResolver resolver;
    private final Optional<String> challenge;
    private final String unauthorized;
    private final String forbidden;

    /**
     * @param resolver     Spring MVC's {@code handlerExceptionResolver} bean
     * @param challenge    the {@code WWW-Authenticate} value of a 401, e.g. {@code Basic realm="back office"}; empty
     *                     for a scheme HTTP has no challenge for (an API key header)
     * @param unauthorized the detail of a 401: which credential this part of the API needs
     * @param forbidden    the detail of a 403
     */
    public ProblemSecurityHandlers(HandlerExceptionResolver resolver, Optional<String> challenge, String unauthorized,
            String forbidden) {
        this.resolver = resolver;
        this.challenge = challenge;
        this.unauthorized = unauthorized;
        this.forbidden = forbidden;
    }

    /** Spring Security's own message (which credential was missing or wrong) stays inside: one detail for all. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        challenge.ifPresent(value -> response.setHeader(HttpHeaders.WWW_AUTHENTICATE, value));
        resolve(request, response, new InsufficientAuthenticationException(unauthorized, e),
                HttpServletResponse.SC_UNAUTHORIZED);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        resolve(request, response, new AccessDeniedException(forbidden, e), HttpServletResponse.SC_FORBIDDEN);
    }

    private void resolve(HttpServletRequest request, HttpServletResponse response, Exception e, int fallback)
            throws IOException {
        if (resolver.resolveException(request, response, null, e) == null) {
            response.sendError(fallback);
        }
    }
}
