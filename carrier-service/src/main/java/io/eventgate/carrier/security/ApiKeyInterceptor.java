package io.eventgate.carrier.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Rejects requests without the right {@code x-api-key} before the handler runs, so the body is never read and
 * nothing is stored. Throws rather than writing the response, so the one problem-details advice renders the 401.
 */
class ApiKeyInterceptor implements HandlerInterceptor {

    static final String HEADER = "x-api-key";

    private final ApiKeyCheck check;

    ApiKeyInterceptor(ApiKeyCheck check) {
        this.check = check;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // interceptor mappings match paths only: the key guards the POST, not the listing at the same path
        if ("POST".equals(request.getMethod()) && !check.matches(request.getHeader(HEADER))) {
            throw new ApiKeyRejectedException();
        }
        return true;
    }
}
