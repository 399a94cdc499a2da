package io.eventgate.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

class SecretCheckTest {

    @Test
    void matchesOnlyTheExactSecret() {
        SecretCheck check = new SecretCheck("correct-horse-battery");

        assertThat(check.matches("correct-horse-battery")).isTrue();
        assertThat(check.matches("correct-horse-batter")).isFalse();
        assertThat(check.matches("correct-horse-battery ")).isFalse();
        assertThat(check.matches("")).isFalse();
        assertThat(check.matches(null)).isFalse();
    }

    @Test
    void singleUserProviderGrantsItsRoleOnlyForBothRightUserAndPassword() {
        var provider = new SingleUserAuthenticationProvider("back-office", "0123456789abcdef-pass", "BACK_OFFICE");

        var granted = provider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("back-office", "0123456789abcdef-pass"));

        assertThat(granted.isAuthenticated()).isTrue();
        assertThat(granted.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_BACK_OFFICE");
        assertThat(granted.getCredentials()).as("the password is not kept").isNull();
        for (var wrong : new String[][] {{"back-office", "wrong"}, {"operator", "0123456789abcdef-pass"}, {"", ""}}) {
            assertThatThrownBy(() -> provider.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(wrong[0], wrong[1])))
                    .isInstanceOf(BadCredentialsException.class);
        }
    }
}
