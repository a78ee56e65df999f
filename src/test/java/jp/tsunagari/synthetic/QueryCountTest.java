package jp.tsunagari.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Flat cost: every page type issues the same number of SQL statements with 10 synthetic programs as with 1,000, so
 * no page loads anything per program (the staff overview included). Every JDBC statement is counted (JPA and JdbcTemplate alike, through
 * datasource-proxy), on the request's thread only: the search index's background refresh is kept out.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:querycount;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "catalogue.synthetic.programs=10",
        "catalogue.page-cache.enabled=false",
        "catalogue.search.refresh-ms=3600000"})
@ActiveProfiles("synthetic")
@AutoConfigureMockMvc
@Import(QueryCountTest.CountingDataSource.class)
class QueryCountTest {

    static final StatementCounter COUNTER = new StatementCounter();

    /** Wraps the application's DataSource so that every statement passes the counter. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CountingDataSource {
        @Bean
        static BeanPostProcessor countingDataSourceWrapper() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource ds && !(bean instanceof ProxyDataSource)) {
                        return ProxyDataSourceBuilder.create(ds).name("counted").listener(COUNTER).build();
                    }
                    return bean;
                }
            };
        }
    }

    /** Counts the statements executed on one thread while it is recording (a batch counts once per statement text). */
    static final class StatementCounter implements QueryExecutionListener {
        private volatile Thread recording;
        private final List<String> statements = new ArrayList<>();

        @Override
        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        }

        @Override
        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            if (Thread.currentThread() == recording) {
                synchronized (statements) {
                    queryInfoList.forEach(q -> statements.add(q.getQuery()));
                }
            }
        }

        void start() {
            synchronized (statements) {
                statements.clear();
            }
            recording = Thread.currentThread();
        }

        List<String> stop() {
            recording = null;
            synchronized (statements) {
                return List.copyOf(statements);
            }
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SyntheticCatalogue catalogue;

    Map<String, List<String>> measure(List<String> pages) throws Exception {
        Map<String, List<String>> counts = new LinkedHashMap<>();
        for (String page : pages) {
            // staff pages as the office (the overview: counted from the index and a fixed number of statements)
            RequestPostProcessor who = page.startsWith("/admin") ? user("query-count").roles("EDITOR") : r -> r;
            mvc.perform(get(page).with(who)).andExpect(status().isOk());
            COUNTER.start();
            try {
                mvc.perform(get(page).with(who)).andExpect(status().isOk());
            } finally {
                counts.put(page, COUNTER.stop());
            }
        }
        return counts;
    }

    long published() {
        return jdbc.queryForObject("select count(*) from program where status = 'PUBLISHED'", Long.class);
    }

    @Test
    void everyPageIssuesAsManyStatementsForAThousandProgramsAsForTen() throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from program where id >= 1000", Long.class)).isEqualTo(10);
        long detail = jdbc.queryForObject("select min(id) from program where id >= 1000 and status = 'PUBLISHED'",
                Long.class);
        List<String> pages = List.of("/", "/categories/gifts", "/programs?category=gifts&region=tohoku",
                "/programs?q=地域", "/programs/" + detail, "/api/v1/programs?category=sns", "/programs.atom",
                "/admin/overview", "/compare?id=1&id=3&id=4&id=" + detail);
        assertThat(mvc.perform(get("/api/v1/programs?ended=include")).andReturn().getResponse().getContentAsString())
                .contains("\"total\":" + published() + ",");
        Map<String, List<String>> atTen = measure(pages);

        // ChangeMarker.bump() rebuilds this instance's index after the commit, on this thread, before generate returns.
        catalogue.generate(990, 7, true);
        assertThat(jdbc.queryForObject("select count(*) from program where id >= 1000", Long.class)).isEqualTo(1000);
        assertThat(mvc.perform(get("/api/v1/programs?ended=include")).andReturn().getResponse().getContentAsString())
                .contains("\"total\":" + published() + ",");
        Map<String, List<String>> atThousand = measure(pages);

        StringBuilder table = new StringBuilder(String.format("%n%-42s %8s %8s%n", "page", "N=10", "N=1000"));
        pages.forEach(p -> table.append(String.format("%-42s %8d %8d%n", p, atTen.get(p).size(), atThousand.get(p).size())));
        System.out.println(table);
        assertThat(atThousand.get("/programs/" + detail)).as("the program page reads its content from the index")
                .noneMatch(s -> s.contains("from program_section") || s.contains("from criterion"));
        List<String> compare = atThousand.get("/compare?id=1&id=3&id=4&id=" + detail);
        assertThat(compare).as("the compare page: four detail reads, content from the index, no list query")
                .noneMatch(s -> s.contains("from program_section") || s.contains("from criterion")
                        || s.contains("count("))
                .filteredOn(s -> s.contains("from program ")).hasSizeBetween(1, 4);
        for (String page : pages) {
            assertThat(atThousand.get(page)).as("statements of %s at N=1000 (%d at N=10)", page, atTen.get(page).size())
                    .hasSameSizeAs(atTen.get(page));
            assertThat(atTen.get(page)).as("statements of %s", page).isNotEmpty();
        }
    }
}
