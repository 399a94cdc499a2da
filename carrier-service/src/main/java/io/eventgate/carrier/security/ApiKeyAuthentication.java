package io.eventgate.carrier.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The {@code x-api-key} a caller presented (unauthenticated), or the API destination it proved to be. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    static final String PRINCIPAL = "api-destination";

    private final String presentedKey;

    private ApiKeyAuthentication(String presentedKey, boolean authenticated) {
        super(authenticated ? List.of(new SimpleGrantedAuthority("ROLE_" + SecurityConfiguration.API_DESTINATION)) : List.of());
        this.presentedKey = presentedKey;
        setAuthenticated(authenticated);
    }

    static ApiKeyAuthentication presented(String key) {
        return new ApiKeyAuthentication(key, false);
    }

    static ApiKeyAuthentication verified() {
        return new ApiKeyAuthentication(null, true);
    }

    @Override
    public Object getCredentials() {
        return presentedKey;
    }

    @Override
    public Object getPrincipal() {
        return PRINCIPAL;
    }
}
