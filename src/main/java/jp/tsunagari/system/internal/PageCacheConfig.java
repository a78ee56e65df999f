package jp.tsunagari.system.internal;

import java.time.Clock;
import jp.tsunagari.system.FilterOrder;
import jp.tsunagari.system.PublicUrls;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** Registers the {@link PageCacheFilter} at {@link FilterOrder#PAGE_CACHE}. */
@Configuration(proxyBeanMethods = false)
public class PageCacheConfig {

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, LocaleResolver locales, PublicUrls urls,
                                                            Clock clock) {
        FilterRegistrationBean<PageCacheFilter> bean = new FilterRegistrationBean<>(
                new PageCacheFilter(cache, locales, urls, clock));
        bean.setOrder(FilterOrder.PAGE_CACHE);
        bean.setName("pageCache");
        return bean;
    }
}
