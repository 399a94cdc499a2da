package io.eventgate.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Matches a state-changing request (not GET, HEAD or OPTIONS) that a browser says another site started
 * ({@code Sec-Fetch-Site: cross-site} or {@code same-site}). HTTP Basic credentials are ambient: once a browser
 * knows them it sends them to every request for the origin, including a form another site submits. Denying these
 * requests is the cross-site request forgery protection for operations behind Basic; curl and other non-browser
 * clients send no {@code Sec-Fetch-Site} and are unaffected, as is a page served by the service itself
 * ({@code same-origin}).
 */
public final class CrossSiteWrites implements RequestMatcher {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> FOREIGN = Set.of("cross-site", "same-site");

    @Override
    public boolean matches(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return site != null && FOREIGN.contains(site.trim().toLowerCase(java.util.Locale.ROOT))
                && !SAFE_METHODS.contains(request.getMethod());
    }
}
