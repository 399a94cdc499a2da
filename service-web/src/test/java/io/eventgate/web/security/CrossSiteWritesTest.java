package io.eventgate.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CrossSiteWritesTest {

    private static boolean matches(String method, String site) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/shipments/o-1/dispatch");
        if (site != null) {
            request.addHeader("Sec-Fetch-Site", site);
        }
        return new CrossSiteWrites().matches(request);
    }

    @Test
    void matchesWritesThatAnotherSiteStartedInABrowser() {
        assertThat(matches("POST", "cross-site")).isTrue();
        assertThat(matches("POST", "same-site")).isTrue();
        assertThat(matches("DELETE", "Cross-Site")).isTrue();
    }

    @Test
    void leavesReadsSameOriginPagesAndNonBrowserClientsAlone() {
        assertThat(matches("GET", "cross-site")).isFalse();
        assertThat(matches("POST", "same-origin")).isFalse();
        assertThat(matches("POST", "none")).isFalse();
        assertThat(matches("POST", null)).isFalse();
    }
}
