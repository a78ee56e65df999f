package jp.tsunagari.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Japanese by default; {@code ?lang=en} or {@code ?lang=ja} switches the UI language and a cookie remembers it.
 * Other values are ignored, so the page never fails on an unknown language. Documents of {@link UrlLanguage} take the
 * language from their URL alone and set no cookie.
 */
@Configuration(proxyBeanMethods = false)
// A WebMvcConfigurer (with nothing to override) so that @WebMvcTest slices load it too: the language is part of MVC.
class LanguageConfig implements WebMvcConfigurer {

    private static final Map<String, Locale> SUPPORTED = Map.of("ja", Locale.JAPANESE, "en", Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver(@Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
        CookieLocaleResolver resolver = new CookieLocaleResolver("catalogue-lang");
        resolver.setDefaultLocale(Locale.JAPANESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setCookieSecure(secure); // like the session cookie: Secure under the prod profile
        // A malformed cookie (catalogue-lang=%zz) means the default language, not a failed request.
        resolver.setRejectInvalidCookies(false);
        return resolver;
    }

    /**
     * Applies {@code ?lang=} before any handler is chosen (a filter, not an interceptor), so that pages and API
     * problems for URLs that match no handler (404) are in the chosen language too.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> languageSwitch(LocaleResolver localeResolver) {
        FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String lang = request.getParameter("lang");
                Locale chosen = lang == null ? null : SUPPORTED.get(lang);
                if (UrlLanguage.applies(request)) {
                    // The URL's language for this request only: no cookie is read or written.
                    request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME,
                            chosen == null ? Locale.JAPANESE : chosen);
                } else if (chosen != null) {
                    localeResolver.setLocale(request, response, chosen);
                }
                chain.doFilter(request, response);
            }
        });
        bean.setName("languageSwitch");
        bean.setOrder(FilterOrder.LANGUAGE_SWITCH);
        return bean;
    }
}
