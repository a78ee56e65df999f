package jp.tsunagari.system;

import org.springframework.core.Ordered;

/**
 * The order of the application's servlet filters, in one place (lower runs first), among Spring Boot's own:
 * {@code OrderedCharacterEncodingFilter} ({@link Ordered#HIGHEST_PRECEDENCE}), Spring Session's repository filter
 * ({@code HIGHEST_PRECEDENCE + 50}), {@code OrderedRequestContextFilter} (-105) and Spring Security's filter chain
 * ({@code spring.security.filter.order}, -100). {@code FilterOrderTest} checks these against the running application.
 */
public final class FilterOrder {

    /** Right after the character encoding: it reads the parameters, which must be decoded as UTF-8 first. */
    public static final int MALFORMED_REQUESTS = Ordered.HIGHEST_PRECEDENCE + 1;
    /**
     * A request failing because the database cannot be reached gets a 503 page: before the session store (in the
     * database), after the character encoding and the malformed-request check (it reads the parameters).
     */
    public static final int DATABASE_OUTAGE = Ordered.HIGHEST_PRECEDENCE + 2;
    /** {@code ?lang=}: before anything renders a page. */
    public static final int LANGUAGE_SWITCH = Ordered.HIGHEST_PRECEDENCE + 100;
    /** After the request context (the base URL is read from it), before Spring Security (a hit needs no session). */
    public static final int PAGE_CACHE = -104;
    /** After the page cache (a hit takes no turn), before Spring Security and everything that works for a page. */
    public static final int CONCURRENCY_LIMIT = -103;
    /** The API's ETags: after the page cache, so that a cached API answer keeps the ETag it was stored with. */
    public static final int API_ETAGS = Ordered.LOWEST_PRECEDENCE;

    private FilterOrder() {
    }
}
