package jp.tsunagari.staff;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The security headers of every answer (docs/security.md). The pages need no inline script or style: the only
 * inline {@code <script>} is the JSON-LD data block, which browsers never run and Content-Security-Policy does not
 * govern. Page-cache hits replay these headers from the first answer.
 */
final class ResponseHeaders {

    /**
     * Swagger UI (/swagger-ui/index.html, springdoc's swagger-ui 5.32.2) draws its logo as an SVG with one
     * {@code <style>} element; this hash allows exactly that text and nothing else. Checked in the browser suite.
     */
    static final String SWAGGER_UI_LOGO_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

    /** Same-origin scripts, styles, fonts and fetches; images also as data: URLs (Swagger UI's icons). */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' " + SWAGGER_UI_LOGO_STYLE,
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Nothing on the site uses these browser features. */
    static final String PERMISSIONS_POLICY = String.join(", ",
            "accelerometer=()", "camera=()", "geolocation=()", "gyroscope=()", "magnetometer=()", "microphone=()",
            "payment=()", "usb=()");

    static final long HSTS_MAX_AGE_SECONDS = 31_536_000; // one year

    private ResponseHeaders() {
    }

    /**
     * Adds CSP, Referrer-Policy and Permissions-Policy to Spring Security's defaults (X-Content-Type-Options nosniff,
     * X-Frame-Options DENY, no-cache for responses that set no caching of their own). HSTS only when {@code hsts}
     * (the {@code prod} profile, served over TLS): then on every answer, also when TLS ends at a proxy in front.
     */
    static void apply(HeadersConfigurer<HttpSecurity> headers, boolean hsts) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                .frameOptions(frame -> frame.deny())
                .contentTypeOptions(options -> { });
        if (hsts) {
            headers.httpStrictTransportSecurity(transport -> transport.requestMatcher(AnyRequestMatcher.INSTANCE)
                    .maxAgeInSeconds(HSTS_MAX_AGE_SECONDS).includeSubDomains(true));
        } else {
            headers.httpStrictTransportSecurity(transport -> transport.disable());
        }
    }
}
