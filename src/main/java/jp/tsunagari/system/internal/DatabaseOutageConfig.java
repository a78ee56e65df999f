package jp.tsunagari.system.internal;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import jp.tsunagari.system.FilterOrder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;

/**
 * A database that cannot be reached (restarting, failing over, the network pausing): the {@link DatabaseCircuit}
 * (PostgreSQL: probed every {@code catalogue.database.probe-interval}, default 1 s, each look at most
 * {@code catalogue.database.probe-timeout}, 2 s), the pool as requests see it ({@link RequestDataSource}: no wait while
 * the circuit is open; each database read of a request at most {@code catalogue.database.request-network-timeout},
 * 10 s) and the 503 page ({@link DatabaseOutageFilter}). docs/reliability.md has the measured outcomes.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseOutageConfig {

    @Bean(destroyMethod = "close")
    static DatabaseCircuit databaseCircuit(Environment env) {
        String url = env.getProperty("spring.datasource.url", "");
        boolean server = url.startsWith("jdbc:postgresql:");
        DatabaseCircuit circuit = new DatabaseCircuit(server ? url : null, env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password"),
                env.getProperty("catalogue.database.probe-timeout", Duration.class, Duration.ofSeconds(2)),
                Clock.systemUTC());
        circuit.start(env.getProperty("catalogue.database.probe-interval", Duration.class, Duration.ofSeconds(1)));
        return circuit;
    }

    /** Wraps the pool (the bean named {@code dataSource}) for page requests; the pool itself stays as it is. */
    @Bean
    static BeanPostProcessor requestDataSource(ObjectProvider<DatabaseCircuit> circuit, Environment env) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!"dataSource".equals(name) || !(bean instanceof DataSource pool) || bean instanceof RequestDataSource) {
                    return bean;
                }
                Duration timeout = circuit.getObject().probed() ? env.getProperty("catalogue.database.request-network-timeout", Duration.class,
                        Duration.ofSeconds(10)) : Duration.ZERO;
                return new RequestDataSource(pool, circuit.getObject(), timeout);
            }
        };
    }

    /** The database in health and readiness (Spring Boot's own {@code db} check is off: management.health.db.enabled). */
    @Bean("database")
    org.springframework.boot.health.contributor.HealthIndicator databaseHealth(DatabaseCircuit circuit, DataSource dataSource) {
        return new DatabaseHealth(circuit, dataSource);
    }

    /**
     * A scheduled task that fails because the database cannot be reached logs one WARN line (the circuit already said
     * why), not a stack trace every run; any other failure is logged as before.
     */
    @Bean
    org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer quietDuringOutages() {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DatabaseOutageConfig.class);
        return scheduler -> scheduler.setErrorHandler(failure -> {
            if (jp.tsunagari.system.DatabaseFaults.unavailable(failure)) {
                log.warn("Scheduled task skipped: the database is unreachable ({})", failure.toString());
            } else {
                log.error("Unexpected error occurred in scheduled task", failure);
            }
        });
    }

    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutage(DatabaseCircuit circuit, ITemplateEngine templates,
                                                               LocaleResolver locales) {
        FilterRegistrationBean<DatabaseOutageFilter> bean = new FilterRegistrationBean<>(
                new DatabaseOutageFilter(circuit, templates, locales));
        bean.setOrder(FilterOrder.DATABASE_OUTAGE);
        bean.setName("databaseOutage");
        return bean;
    }
}
