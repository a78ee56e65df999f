package jp.tsunagari.system;

import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute URLs of public pages, for canonical links, OpenGraph, JSON-LD and the sitemap. The base comes from
 * {@code catalogue.base-url} (e.g. {@code https://example.jp}, or with a context path); when that is empty, from
 * the current request's scheme, host, port and context path.
 */
@Component
public class PublicUrls {

    private final String configured;
    private final org.springframework.core.env.Environment environment;

    @org.springframework.beans.factory.annotation.Autowired
    PublicUrls(@Value("${catalogue.base-url:}") String baseUrl, org.springframework.core.env.Environment environment) {
        this.configured = normalise(baseUrl);
        this.environment = environment;
    }

    PublicUrls(String baseUrl) {
        this(baseUrl, null);
    }

    /** The base without a trailing slash: {@code https://example.jp}. */
    public String base() {
        return configured != null ? configured
                : stripSlash(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
    }

    /** {@code path} (starting with {@code /}) made absolute: {@code /programs/5} → {@code https://example.jp/programs/5}. */
    public String absolute(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
        return base() + path;
    }

    /**
     * For mail a background job sends: {@link #absolute}, or — with neither {@code catalogue.base-url} nor a current
     * request — this instance's own address ({@code http://localhost:} its port), which only works on the server
     * itself: set {@code CATALOGUE_BASE_URL} in production (docs/operations.md).
     */
    public String absoluteAnywhere(String path) {
        try {
            return absolute(path);
        } catch (IllegalStateException noRequest) {
            String port = environment == null ? "8080" : environment.getProperty("local.server.port",
                    environment.getProperty("server.port", "8080"));
            return "http://localhost:" + port + path;
        }
    }

    private static String normalise(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        String value = stripSlash(baseUrl.strip());
        try {
            URI uri = new URI(value);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException(
                        "catalogue.base-url must be an http(s) URL without query or fragment: " + baseUrl);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("catalogue.base-url is not a URL: " + baseUrl, e);
        }
        return value;
    }

    private static String stripSlash(String url) {
        String value = url;
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }
}
