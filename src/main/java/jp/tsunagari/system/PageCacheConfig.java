package jp.tsunagari.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Puts the {@link PageCacheFilter} after the request context (order -105, for the base URL) and before Spring
 * Security's filters (order -100) and the API's ETag filter (so API answers keep their ETag).
 */
@Configuration(proxyBeanMethods = false)
class PageCacheConfig {

    static final int ORDER = -104;

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, LocaleResolver locales, PublicUrls urls) {
        FilterRegistrationBean<PageCacheFilter> bean = new FilterRegistrationBean<>(new PageCacheFilter(cache, locales, urls));
        bean.setOrder(ORDER);
        bean.setName("pageCache");
        return bean;
    }
}
