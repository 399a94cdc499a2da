package io.eventgate.web.page;

import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A service's one page: plain static files under {@code static/<path>/} (no build step), served at {@code <path>},
 * with the service's root leading there. Each service declares its page as a bean of this.
 *
 * @param path the page's address, e.g. {@code /track}
 */
public record StaticPage(String path) implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController(path).setViewName("forward:" + path + "/index.html");
        registry.addRedirectViewController("/", path);
    }
}
