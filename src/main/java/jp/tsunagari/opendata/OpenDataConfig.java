package jp.tsunagari.opendata;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import jp.tsunagari.system.FilterOrder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import java.util.List;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.context.MessageSource;

/** The API's OpenAPI description and conditional GET (ETag, If-None-Match → 304) for every API response. */
@Configuration(proxyBeanMethods = false)
class OpenDataConfig implements WebMvcConfigurer {

    private final MessageSource messages;

    /** Only the message source (like {@link ApiErrors}), so that web slice tests need nothing else. */
    OpenDataConfig(MessageSource messages) {
        this.messages = messages;
    }

    /** Unknown API paths, wrong methods and media types as problems, before the site's error pages see them. */
    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, new ApiRoutingErrors(new ApiProblem(messages)));
    }

    /** API answers may be stored but must be revalidated (with the ETag), unlike the site's pages. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
                return true;
            }
        }).addPathPatterns("/api/**", "/programs.csv", "/programs.json");
    }

    @Bean
    OpenAPI catalogueApi() {
        return new OpenAPI().servers(List.of(new Server().url("/").description("The site serving this document")))
                .info(new Info()
                .title("つながり施策カタログ API")
                .version("v1")
                .description("""
                        Published programs of the catalogue of municipal programs that keep young people connected \
                        with their hometown, with the code lists they use and the eligibility checker. \
                        Read-only except POST /api/v1/eligibility, which stores nothing. Field names are English \
                        camelCase; codes are strings (全国地方公共団体コード with check digit, prefectures "01"–"47"); \
                        dates are ISO 8601. Errors are RFC 9457 problem+json. Every GET answers with an ETag; send \
                        If-None-Match to get 304 Not Modified. Japanese messages by default, English with lang=en. \
                        Bulk downloads: /programs.csv and /programs.json take the same filters as /api/v1/programs. \
                        Absent values are left out of the answers (never null); empty lists are sent as []. \
                        The API is public on purpose: no sign-in, no key, no cookie (security: []); it reads published \
                        data only, and the checker stores nothing.""")
                .contact(new Contact().name("つながり施策カタログ事務局"))
                .license(new License().name("政府標準利用規約（第2.0版） / CC BY 4.0 (source data)")
                        .url("https://www.digital.go.jp/resources/open_data/")));
    }

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> bean = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        bean.addUrlPatterns("/api/*");
        bean.setName("apiEtags");
        bean.setOrder(FilterOrder.API_ETAGS);
        return bean;
    }
}
