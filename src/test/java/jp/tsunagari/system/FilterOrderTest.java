package jp.tsunagari.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.servlet.filter.OrderedCharacterEncodingFilter;
import org.springframework.boot.servlet.filter.OrderedRequestContextFilter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.context.ApplicationContext;

/** The filters run in the order {@link FilterOrder} describes, among Spring Boot's, Spring Session's and Spring Security's. */
@SpringBootTest
class FilterOrderTest {

    @Autowired
    ApplicationContext context;

    @Test
    void filtersRunInTheOrderFilterOrderSays() {
        int encoding = context.getBean(OrderedCharacterEncodingFilter.class).getOrder();
        int requestContext = context.getBean(OrderedRequestContextFilter.class).getOrder();
        int security = registration("securityFilterChainRegistration");
        int session = registration("sessionRepositoryFilterRegistration");

        assertThat(registration("malformedUrls")).isEqualTo(FilterOrder.MALFORMED_REQUESTS);
        assertThat(registration("languageSwitch")).isEqualTo(FilterOrder.LANGUAGE_SWITCH);
        assertThat(registration("pageCacheFilter")).isEqualTo(FilterOrder.PAGE_CACHE);
        assertThat(registration("concurrencyLimit")).isEqualTo(FilterOrder.CONCURRENCY_LIMIT);
        assertThat(registration("apiEtags")).isEqualTo(FilterOrder.API_ETAGS);
        assertThat(registration("databaseOutage")).isEqualTo(FilterOrder.DATABASE_OUTAGE);

        assertThat(encoding).isLessThan(FilterOrder.MALFORMED_REQUESTS);
        assertThat(FilterOrder.LANGUAGE_SWITCH).isLessThan(FilterOrder.PAGE_CACHE);
        assertThat(requestContext).isLessThan(FilterOrder.PAGE_CACHE);
        assertThat(FilterOrder.PAGE_CACHE).isLessThan(FilterOrder.CONCURRENCY_LIMIT).isLessThan(security)
                .isLessThan(FilterOrder.API_ETAGS);
        assertThat(session).isLessThan(security);
        assertThat(FilterOrder.MALFORMED_REQUESTS).isLessThan(FilterOrder.DATABASE_OUTAGE).isLessThan(session);
    }

    private int registration(String name) {
        return context.getBean(name, AbstractFilterRegistrationBean.class).getOrder();
    }
}
