package jp.tsunagari.system.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jp.tsunagari.system.JapanTime;
import jp.tsunagari.system.NotCached;
import jp.tsunagari.system.PublicUrls;
import jp.tsunagari.system.UrlLanguage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.DigestUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves public GET pages and API answers from the {@link PageCache} when it can, and stores them when it cannot.
 * Only for visitors without a session (staff see their own bar and get fresh pages), only status 200 without
 * cookies and not marked {@link NotCached}, never the language switch ({@code lang=}, except on a {@link UrlLanguage}
 * document, where it sets no cookie) nor the streamed downloads. The key is the public base URL,
 * the language and the whole path with its query. Every such answer carries an ETag (304 when the browser's copy is
 * current), {@code Cache-Control: no-cache} (always revalidate: staff edits show at once) and
 * {@code Vary: Accept, Accept-Encoding, Cookie}; a browser that accepts gzip gets the stored body compressed once.
 * Runs before Spring Security (a hit needs none of it: no session, no sign-in, public pages only) and stores the
 * headers Spring Security wrote on the first answer, so hits carry the same security headers.
 */
public class PageCacheFilter extends OncePerRequestFilter {

    public static final String HIT_HEADER = "X-Page-Cache";
    private static final Pattern CACHEABLE = Pattern.compile(
            "/|/prefectures|/categories/[a-z-]{1,40}|/programs|/programs\\.atom|/programs/[0-9]{1,18}(/history)?"
            + "|/api/v1/[a-z0-9/-]{1,100}");
    /** Headers that belong to one exchange, not to the content: never stored, never replayed. */
    private static final Set<String> NOT_STORED = Set.of("set-cookie", "date", "content-length", "transfer-encoding",
            "connection", "keep-alive", "vary", "content-encoding", HIT_HEADER.toLowerCase(Locale.ROOT));
    private static final String VARY = "Accept, Accept-Encoding, Cookie";
    private static final int GZIP_FROM_BYTES = 2048;

    private final PageCache cache;
    private final LocaleResolver locales;
    private final PublicUrls urls;
    private final Clock clock;

    PageCacheFilter(PageCache cache, LocaleResolver locales, PublicUrls urls, Clock clock) {
        this.cache = cache;
        this.locales = locales;
        this.urls = urls;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !cache.enabled() || !"GET".equals(request.getMethod())
                || !CACHEABLE.matcher(request.getRequestURI()).matches()
                || (request.getParameter("lang") != null && !UrlLanguage.applies(request)) || hasSession(request)
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                // Never in a transaction that encloses the request (only tests do that): it may see uncommitted rows.
                || TransactionSynchronizationManager.isActualTransactionActive();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(request);
        PageCache.Entry hit = cache.get(key);
        if (hit != null && accepts(request.getHeader(HttpHeaders.ACCEPT), hit.mediaType)) {
            response.setHeader(HIT_HEADER, "hit");
            write(hit, request, response);
            return;
        }
        long generation = cache.generation();
        if (!request.getRequestURI().startsWith("/api/")) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        if (wrapper.getStatus() != HttpServletResponse.SC_OK || !wrapper.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
                || wrapper.getContentType() == null || NotCached.isMarked(request)) {
            wrapper.copyBodyToResponse();
            return;
        }
        byte[] body = wrapper.getContentAsByteArray();
        String etag = wrapper.getHeader(HttpHeaders.ETAG);
        if (etag == null) {
            etag = "\"0" + DigestUtils.md5DigestAsHex(body) + "\"";
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(wrapper.getContentType());
        } catch (InvalidMediaTypeException e) {
            wrapper.copyBodyToResponse();
            return;
        }
        Map<String, List<String>> headers = storedHeaders(wrapper, request, etag);
        PageCache.Entry entry = new PageCache.Entry(generation, Map.copyOf(headers), body, etag, type);
        cache.put(key, entry, body.length);
        response.setHeader(HIT_HEADER, "miss");
        // The wrapper still holds the body: answer from the entry, exactly as a later hit will.
        wrapper.resetBuffer();
        write(entry, request, response);
    }

    /**
     * Every header of the answer, the security headers Spring Security wrote included, so that a hit (which does not
     * pass through Spring Security) answers with exactly the same headers.
     */
    private Map<String, List<String>> storedHeaders(ContentCachingResponseWrapper wrapper, HttpServletRequest request,
                                                    String etag) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : wrapper.getHeaderNames()) {
            if (!NOT_STORED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, List.copyOf(new ArrayList<>(wrapper.getHeaders(name))));
            }
        }
        headers.put(HttpHeaders.CONTENT_TYPE, List.of(wrapper.getContentType()));
        if (!headers.containsKey(HttpHeaders.CONTENT_LANGUAGE) && wrapper.getContentType().startsWith("text/html")) {
            headers.put(HttpHeaders.CONTENT_LANGUAGE, List.of(locales.resolveLocale(request).toLanguageTag()));
        }
        headers.put(HttpHeaders.ETAG, List.of(etag));
        return headers;
    }

    private static void write(PageCache.Entry e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        e.headers.forEach((name, values) -> {
            response.setHeader(name, values.get(0));
            values.stream().skip(1).forEach(v -> response.addHeader(name, v));
        });
        response.setHeader(HttpHeaders.VARY, VARY);
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), e.etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = e.body;
        String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (body.length >= GZIP_FROM_BYTES && accept != null && accept.contains("gzip")) {
            body = e.gzip();
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The client takes the stored type (else the app answers, e.g. 406 for an API client asking for XML). */
    static boolean accepts(String accept, MediaType type) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            for (MediaType wanted : MediaType.parseMediaTypes(accept)) {
                if (wanted.getQualityValue() > 0 && wanted.includes(type)) {
                    return true;
                }
            }
            return false;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** If-None-Match lists the ETag (weak or strong), or is {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The day in Japan, base URL, language, path and the decoded parameters, each percent-encoded again: two requests
     * share a key only if the page sees the same parameters (so no request can store its answer under another's key)
     * on the same day (受付中, 受付期間 and a group's 適用期間 are said as of today: yesterday's pages are not served).
     */
    private String key(HttpServletRequest request) {
        StringBuilder key = new StringBuilder(128).append(JapanTime.today(clock)).append('\n')
                .append(urls.base()).append('\n')
                .append(locales.resolveLocale(request).getLanguage()).append('\n').append(request.getRequestURI());
        char separator = '?';
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                key.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return key.toString();
    }

    private static boolean hasSession(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if ("SESSION".equals(c.getName()) || "JSESSIONID".equals(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
