package jp.tsunagari.system.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jp.tsunagari.system.DatabaseFaults;
import jp.tsunagari.system.PlainErrorPage;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Answers a request that failed because the database cannot be reached (including the session store, which is in the
 * database) with 503, {@code Retry-After} and a page saying so — never a stack trace; a form's fields come back on
 * that page, typed text visible and ready to be sent again as it was (with its CSRF token, which the session still
 * holds when the database is back), so nothing typed is lost. Passwords are not sent back. The API gets a problem
 * document. Runs first (before the session store), rendering the template itself: nothing on the way may need the
 * database. It also marks the request's thread for {@link RequestDataSource}.
 */
final class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);
    private static final ThreadLocal<Boolean> SERVING = new ThreadLocal<>();
    static final String RETRY_AFTER_SECONDS = "10";

    private final DatabaseCircuit circuit;
    private final ITemplateEngine templates;
    private final LocaleResolver locales;

    DatabaseOutageFilter(DatabaseCircuit circuit, ITemplateEngine templates, LocaleResolver locales) {
        this.circuit = circuit;
        this.templates = templates;
        this.locales = locales;
    }

    /** The current thread serves a page request (for {@link RequestDataSource}). */
    static boolean serving() {
        return SERVING.get() != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SERVING.set(Boolean.TRUE);
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!circuit.outage(e) || response.isCommitted()) {
                throw e;
            }
            if (DatabaseFaults.connectionLost(e)) {
                circuit.connectionLost(e);
            }
            log.warn("503 for {} {}: the database is unreachable ({})", request.getMethod(), request.getRequestURI(),
                    NestedExceptionUtils.getMostSpecificCause(e).toString());
            answer(request, response);
        } finally {
            SERVING.remove();
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = locales.resolveLocale(request);
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getWriter().write(PlainErrorPage.json(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "error.database.title", "error.database.api", "en".equals(locale.getLanguage())));
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", locale.toLanguageTag());
        Context page = new Context(locale);
        boolean upload = request.getContentType() != null && request.getContentType().startsWith("multipart/");
        boolean form = "POST".equals(request.getMethod()) && !upload;
        page.setVariable("lang", locale.getLanguage());
        page.setVariable("upload", upload);
        page.setVariable("resend", form);
        page.setVariable("action", request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        page.setVariable("fields", form ? typed(request) : List.of());
        page.setVariable("retryAfter", RETRY_AFTER_SECONDS);
        templates.process("error/database", page, response.getWriter());
    }

    /** What the form sent, in its order, without passwords. */
    private static List<Map.Entry<String, String>> typed(HttpServletRequest request) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.toLowerCase(Locale.ROOT).contains("password")) {
                for (String value : values) {
                    fields.add(Map.entry(name, value));
                }
            }
        });
        return fields;
    }
}
