package jp.tsunagari.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Client mistakes that fail before Spring MVC chooses a handler still get a 400 page with a message, never a server
 * error, Tomcat's default page or an ERROR log line: a request Tomcat cannot parse (its error report valve is
 * replaced), a URL or parameter name Spring Security's firewall refuses, a PUT/PATCH/DELETE form body that cannot be
 * decoded.
 */
@Configuration(proxyBeanMethods = false)
class ClientErrorConfig {

    private static final Logger log = LoggerFactory.getLogger(ClientErrorConfig.class);

    /** Runs after Spring Boot's own customizer, which installs the default valve, and replaces it. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> plainErrorReports() {
        return new OrderedCustomizer() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    // Tomcat adds a default valve at start unless one of this class is in the pipeline.
                    ((org.apache.catalina.core.StandardHost) context.getParent())
                            .setErrorReportValveClass(PlainErrorReportValve.class.getName());
                    var pipeline = context.getParent().getPipeline();
                    for (Valve valve : pipeline.getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            pipeline.removeValve(valve);
                        }
                    }
                    pipeline.addValve(new PlainErrorReportValve());
                });
            }
        };
    }

    /** The firewall's refusals (encoded slashes, '..;', control characters, odd parameter names) as a 400 page. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            log.debug("Request rejected: {}", rejected.getMessage());
            if (!response.isCommitted()) {
                response.resetBuffer();
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write(PlainErrorPage.html(HttpServletResponse.SC_BAD_REQUEST));
            }
        };
    }

    /**
     * A URL with a broken percent-escape anywhere (also in a path parameter such as {@code ;x=%zz}, which Tomcat does
     * not decode but Spring does) is answered with a 400 page before any filter tries to decode it.
     */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<OncePerRequestFilter> malformedUrls() {
        var bean = new org.springframework.boot.web.servlet.FilterRegistrationBean<OncePerRequestFilter>(
                new OncePerRequestFilter() {
                    @Override
                    protected boolean shouldNotFilterErrorDispatch() {
                        return false;
                    }

                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR) {
                            // The error page's dispatch reads the session again: without the foreign cookie too.
                            chain.doFilter(withoutForeignSessionCookie(request), response);
                            return;
                        }
                        if (!METHODS.contains(request.getMethod())) {
                            log.debug("Unknown method: {}", request.getMethod());
                            response.setHeader("Allow", "GET, HEAD, POST");
                            refuse(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED);
                            return;
                        }
                        if (BROKEN_ESCAPE.matcher(request.getRequestURI()).find()) {
                            log.debug("Malformed URL: {}", request.getRequestURI());
                            refuse(response, HttpServletResponse.SC_BAD_REQUEST);
                            return;
                        }
                        if (!usableContentType(request.getContentType())) {
                            log.debug("Unusable content type: {}", request.getContentType());
                            refuse(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
                            return;
                        }
                        if (request.getParameterMap().entrySet().stream().anyMatch(e -> e.getKey().indexOf('\u0000') >= 0
                                || java.util.Arrays.stream(e.getValue()).anyMatch(v -> v != null && v.indexOf('\u0000') >= 0))) {
                            // No form of ours sends NUL, and PostgreSQL refuses it in text parameters.
                            log.debug("NUL in a parameter");
                            refuse(response, HttpServletResponse.SC_BAD_REQUEST);
                            return;
                        }
                        chain.doFilter(withoutForeignSessionCookie(request), response);
                    }
                });
        bean.setName("malformedUrls");
        bean.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR);
        // Read before the request is set to UTF-8, a form's body would be decoded as ISO-8859-1 for good.
        bean.setOrder(FilterOrder.MALFORMED_REQUESTS);
        return bean;
    }

    /** Methods the servlet API knows; others (CONNECT, made-up ones) would end in a 501 from HttpServlet. */
    private static final java.util.Set<String> METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE",
            "OPTIONS", "TRACE", "PATCH");

    private static final java.util.regex.Pattern SESSION_ID = java.util.regex.Pattern.compile("[0-9a-f-]{36}");

    /**
     * Drops a SESSION cookie that is not one of ours (its value must be the base64 of a UUID), so that a stale or
     * forged value never reaches the session table (PostgreSQL refuses NUL bytes in it): the visitor gets a new session.
     */
    static HttpServletRequest withoutForeignSessionCookie(HttpServletRequest request) {
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return request;
        }
        jakarta.servlet.http.Cookie[] kept = java.util.Arrays.stream(cookies)
                .filter(c -> !"SESSION".equals(c.getName()) || ownSessionId(c.getValue()))
                .toArray(jakarta.servlet.http.Cookie[]::new);
        if (kept.length == cookies.length) {
            return request;
        }
        return new jakarta.servlet.http.HttpServletRequestWrapper(request) {
            @Override
            public jakarta.servlet.http.Cookie[] getCookies() {
                return kept.clone();
            }
        };
    }

    static boolean ownSessionId(String value) {
        try {
            String id = new String(java.util.Base64.getDecoder().decode(value), java.nio.charset.StandardCharsets.ISO_8859_1);
            return SESSION_ID.matcher(id).matches();
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** A body's type must be a concrete media type (not {@code *}/{@code *}, not unparseable) if it is given. */
    static boolean usableContentType(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            org.springframework.http.MediaType type = org.springframework.http.MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException included
            return false;
        }
    }

    /**
     * Thymeleaf would otherwise take the type of an error page from the URL's extension (a 404 for /programs/1.json
     * would be HTML labelled application/json); every template here is HTML.
     */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor htmlViewsStayHtml() {
        return new org.springframework.beans.factory.config.BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof org.thymeleaf.spring6.view.ThymeleafViewResolver resolver) {
                    resolver.setForceContentType(true);
                }
                return bean;
            }
        };
    }

    private static void refuse(HttpServletResponse response, int status) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(PlainErrorPage.html(status));
    }

    /**
     * Errors answered by Spring Boot's error controller (a refused CSRF token, TRACE, an undecodable form body) carry
     * a title and a detail from the message files in the JSON variant too, like the API's problem documents.
     */
    @Bean
    org.springframework.boot.webmvc.error.DefaultErrorAttributes errorAttributes(
            org.springframework.context.MessageSource messages) {
        return new org.springframework.boot.webmvc.error.DefaultErrorAttributes() {
            @Override
            public java.util.Map<String, Object> getErrorAttributes(
                    org.springframework.web.context.request.WebRequest request,
                    org.springframework.boot.web.error.ErrorAttributeOptions options) {
                java.util.Map<String, Object> attributes = super.getErrorAttributes(request, options);
                int status = attributes.get("status") instanceof Integer i ? i : 500;
                String kind = PlainErrorPage.kind(status);
                java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
                attributes.put("title", messages.getMessage("error." + kind + ".title", null, locale));
                attributes.put("detail", messages.getMessage("error." + kind + ".body", null, locale));
                return attributes;
            }
        };
    }

    private static final java.util.regex.Pattern BROKEN_ESCAPE = java.util.regex.Pattern.compile("%(?![0-9A-Fa-f]{2})");

    /** Spring's form filter for PUT/PATCH/DELETE bodies, answering an undecodable body with 400 instead of failing. */
    @Bean
    OrderedFormContentFilter formContentFilter() {
        return new OrderedFormContentFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    super.doFilterInternal(request, response, chain);
                } catch (HttpMessageNotReadableException unreadable) {
                    if (response.isCommitted()) {
                        throw unreadable;
                    }
                    log.debug("Unreadable form body: {}", unreadable.getMessage());
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                }
            }
        };
    }

    private interface OrderedCustomizer extends WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        default int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Tomcat's error report without its default page: the site's message for the status, no server details. */
    public static final class PlainErrorReportValve extends ErrorReportValve {

        public PlainErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            if (status == 501 || status == 505) {
                // A method, transfer coding or HTTP version Tomcat does not implement: the client's request, not a fault.
                status = HttpServletResponse.SC_BAD_REQUEST;
                response.setStatus(status);
            }
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding("UTF-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(PlainErrorPage.html(status));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                log.debug("Could not write the error report", e);
            }
        }
    }
}
