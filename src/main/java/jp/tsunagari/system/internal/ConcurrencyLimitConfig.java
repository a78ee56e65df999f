package jp.tsunagari.system.internal;

import jp.tsunagari.system.FilterOrder;
import jp.tsunagari.system.RequestLoad;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@link ConcurrencyLimitFilter} at {@link FilterOrder#CONCURRENCY_LIMIT}:
 * {@code catalogue.web.concurrent-requests} requests at once (0, the default: twice the processors the JVM sees),
 * each waiting at most {@code catalogue.web.turn-wait-ms} for its turn (kept well under the 20 s graceful shutdown),
 * at most 100 waiting (Tomcat's pool has 200 threads: the rest stay free for the probes and the downloads).
 */
@Configuration(proxyBeanMethods = false)
public class ConcurrencyLimitConfig {

    @Bean
    FilterRegistrationBean<ConcurrencyLimitFilter> concurrencyLimit(
            @Value("${catalogue.web.concurrent-requests:0}") int permits,
            @Value("${catalogue.web.turn-wait-ms:10000}") long maxWait, RequestLoad load) {
        int n = permits > 0 ? permits : 2 * Runtime.getRuntime().availableProcessors();
        FilterRegistrationBean<ConcurrencyLimitFilter> bean = new FilterRegistrationBean<>(
                new ConcurrencyLimitFilter(n, maxWait, 100, load));
        bean.setOrder(FilterOrder.CONCURRENCY_LIMIT);
        bean.setName("concurrencyLimit");
        return bean;
    }
}
