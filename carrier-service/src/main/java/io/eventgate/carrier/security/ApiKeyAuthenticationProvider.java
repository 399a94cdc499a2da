package io.eventgate.carrier.security;

import io.eventgate.web.security.SecretCheck;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Verifies a presented {@code x-api-key} against the inbound key, in constant time. */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final SecretCheck key;

    ApiKeyAuthenticationProvider(String key) {
        this.key = new SecretCheck(key);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!key.matches((String) authentication.getCredentials())) {
            throw new BadCredentialsException("wrong x-api-key");
        }
        return ApiKeyAuthentication.verified();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
