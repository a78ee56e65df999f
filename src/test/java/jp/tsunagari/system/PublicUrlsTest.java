package jp.tsunagari.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Absolute URLs from {@code catalogue.base-url}, or from the request when it is empty. */
class PublicUrlsTest {

    @AfterEach
    void clearRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void theConfiguredBaseWinsOverTheRequestAndLosesItsTrailingSlash() {
        request("http", "internal-host", 8080, "");
        assertThat(new PublicUrls("https://example.jp/").absolute("/programs/5")).isEqualTo("https://example.jp/programs/5");
        assertThat(new PublicUrls(" https://example.jp/catalogue ").absolute("/")).isEqualTo("https://example.jp/catalogue/");
    }

    @Test
    void withoutConfigurationTheCurrentRequestGivesSchemeHostPortAndContextPath() {
        request("https", "tsunagari.example", 8443, "/app");
        assertThat(new PublicUrls("").absolute("/sitemap.xml")).isEqualTo("https://tsunagari.example:8443/app/sitemap.xml");
        assertThat(new PublicUrls(null).base()).isEqualTo("https://tsunagari.example:8443/app");
    }

    @Test
    void aBaseThatIsNotAWebUrlFailsAtStartUp() {
        for (String bad : new String[] {"example.jp", "ftp://example.jp", "https://example.jp/?lang=en", "https://"}) {
            assertThatThrownBy(() -> new PublicUrls(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void request(String scheme, String host, int port, String contextPath) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        request.setContextPath(contextPath);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
