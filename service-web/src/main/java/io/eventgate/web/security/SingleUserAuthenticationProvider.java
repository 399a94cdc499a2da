package io.eventgate.web.security;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Authenticates HTTP Basic credentials against one configured user (the carrier's back office, the orders
 * operator) and grants it one role. User name and password are both compared in constant time, and both always,
 * so the timing tells a caller nothing about which was wrong.
 *
 * <p>Why not a {@code UserDetailsService} with a password encoder: the password is a generated secret with 256
 * bits of entropy, sent on every request; a slow adaptive hash would add CPU to every call and no protection that
 * such a secret needs. {@link SecretCheck} is the comparison the services already use for API keys.
 */
public final class SingleUserAuthenticationProvider implements AuthenticationProvider {

    private final SecretCheck username;
    private final SecretCheck password;
    private final String principal;
    private final String role;

    public SingleUserAuthenticationProvider(String username, String password, String role) {
        this.username = new SecretCheck(username);
        this.password = new SecretCheck(password);
        this.principal = username;
        this.role = role;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String presentedUser = String.valueOf(authentication.getPrincipal());
        Object credentials = authentication.getCredentials();
        boolean userMatches = username.matches(presentedUser);
        boolean passwordMatches = password.matches(credentials == null ? null : credentials.toString());
        if (!(userMatches & passwordMatches)) {
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
