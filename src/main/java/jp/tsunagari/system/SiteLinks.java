package jp.tsunagari.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links to the public site, for open data and linked data: from {@code catalogue.base-url} when set
 * (e.g. {@code https://tsunagari.example.jp}, recommended behind a proxy), otherwise from the current request.
 */
@Component
public class SiteLinks {

    private final String baseUrl;

    SiteLinks(@Value("${catalogue.base-url:}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The absolute URL of a site path such as {@code /programs/3}. */
    public String absolute(String path) {
        String base = baseUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : baseUrl;
        return base + path;
    }

    public String program(long id) {
        return absolute("/programs/" + id);
    }
}
