package jp.tsunagari.system.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import jp.tsunagari.system.DatabaseFaults;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A database that cannot be reached: the 503 page with what was typed (DatabaseOutageFilter), which failures count
 * (DatabaseFaults), and the pool as requests see it while the circuit is open (RequestDataSource). The real outage
 * (a PostgreSQL restart, a network pause) is DatabaseOutageIT's.
 */
@SpringBootTest
class DatabaseOutageTest {

    private static final Exception UNREACHABLE = new CannotCreateTransactionException("Could not open JPA EntityManager",
            new SQLTransientConnectionException("Connection refused", "08001"));

    @Autowired
    FilterRegistrationBean<DatabaseOutageFilter> registration;

    @Autowired
    DataSource dataSource;

    /** The application's own: on PostgreSQL (the postgres suite) a lost connection the tests simulate opens it. */
    @Autowired
    DatabaseCircuit appCircuit;

    /**
     * Each test starts and ends with the application's circuit closed (its probe reaches the real database): other
     * test classes share this application.
     */
    @org.junit.jupiter.api.BeforeEach
    @org.junit.jupiter.api.AfterEach
    void databaseReachable() {
        appCircuit.probe();
        assertThat(appCircuit.open()).isFalse();
    }

    @Test
    void aFormSentWhileTheDatabaseIsUnreachableComesBackWhole() throws Exception {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/admin/programs/3");
        post.setQueryString("from=list");
        post.addParameter("_csrf", "token-1");
        post.addParameter("name", "<b>ふるさと</b> 応援");
        post.addParameter("summary", "改行\nを含む説明");
        post.addParameter("password", "never-shown");
        MockHttpServletResponse response = run(post, UNREACHABLE);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        String body = response.getContentAsString();
        assertThat(body).doesNotContain("never-shown", "Exception", "SQL", "<b>ふるさと");
        Document page = Jsoup.parse(body);
        assertThat(page.select("h1").text()).isEqualTo("ただいま一時的にご利用いただけません");
        assertThat(page.select("main p").text()).contains("保存していません");
        var form = page.select("form[method=post]").first();
        assertThat(form.attr("action")).isEqualTo("/admin/programs/3?from=list");
        assertThat(form.select("input[type=hidden]").eachAttr("name")).containsExactly("_csrf", "name", "summary");
        assertThat(form.select("input[name=_csrf]").val()).isEqualTo("token-1");
        assertThat(form.select("input[name=name]").val()).isEqualTo("<b>ふるさと</b> 応援");
        assertThat(form.select("input[name=summary]").val()).isEqualTo("改行\nを含む説明");
        assertThat(page.select("textarea[readonly]").eachText()).containsExactly("<b>ふるさと</b> 応援", "改行\nを含む説明");
        assertThat(page.select("label").eachAttr("for")).allSatisfy(id -> assertThat(page.getElementById(id)).isNotNull());
    }

    @Test
    void pagesAndTheApiSayItInTheVisitorsLanguage() throws Exception {
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/programs");
        get.setCookies(new Cookie("catalogue-lang", "en"));
        MockHttpServletResponse page = run(get, UNREACHABLE);
        assertThat(page.getStatus()).isEqualTo(503);
        Document en = Jsoup.parse(page.getContentAsString());
        assertThat(en.select("html").attr("lang")).isEqualTo("en");
        assertThat(en.select("h1").text()).isEqualTo("The service is temporarily unavailable");
        assertThat(en.select("form")).isEmpty();

        MockHttpServletResponse api = run(new MockHttpServletRequest("GET", "/api/v1/programs"), UNREACHABLE);
        assertThat(api.getStatus()).isEqualTo(503);
        assertThat(api.getContentType()).startsWith("application/problem+json");
        assertThat(api.getContentAsString()).contains("\"status\":503").doesNotContain("Exception");
    }

    @Test
    void otherFailuresAreNotMistakenForAnOutage() {
        Exception other = new DataIntegrityViolationException("duplicate key");
        assertThatThrownBy(() -> run(new MockHttpServletRequest("GET", "/programs"), other)).isSameAs(other);
        assertThat(DatabaseFaults.unavailable(other)).isFalse();
        assertThat(DatabaseFaults.unavailable(new IllegalStateException("x", new SQLException("gone", "57P01")))).isTrue();
        assertThat(DatabaseFaults.connectionLost(new SQLTransientConnectionException("pool busy"))).isFalse();
        assertThat(DatabaseFaults.unavailable(new SQLTransientConnectionException("pool busy"))).isTrue();
    }

    @Test
    void whileTheCircuitIsOpenNobodyGetsAConnectionAndPagesAnswer503() throws Exception {
        DatabaseCircuit circuit = new DatabaseCircuit("jdbc:postgresql://127.0.0.1:1/none", "u", "p",
                Duration.ofSeconds(1), Clock.systemUTC());
        RequestDataSource pool = new RequestDataSource(dataSource, circuit, Duration.ZERO);
        try (Connection before = pool.getConnection()) {
            assertThat(before.isValid(1)).isTrue();
        }
        assertThat(circuit.reachableNow()).isFalse();
        assertThat(circuit.open()).isTrue();
        assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        AtomicReference<Throwable> seen = new AtomicReference<>();
        MockHttpServletResponse response = new MockHttpServletResponse();
        registration.getFilter().doFilter(new MockHttpServletRequest("GET", "/programs"), response, (rq, rs) -> {
            try (Connection c = pool.getConnection()) {
                seen.set(new AssertionError("a connection while the circuit is open"));
            } catch (SQLException e) {
                seen.set(e);
                throw new CannotCreateTransactionException("no connection", e);
            }
        });
        assertThat(seen.get()).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(response.getStatus()).isEqualTo(503);
        circuit.close();
    }

    @Test
    void healthFollowsTheProbeWithoutWaitingOrAsksAnInProcessDatabase() {
        DatabaseCircuit server = new DatabaseCircuit("jdbc:postgresql://127.0.0.1:1/none", "u", "p",
                Duration.ofSeconds(1), Clock.systemUTC());
        assertThat(new DatabaseHealth(server, dataSource).health().getStatus().getCode()).isEqualTo("UP");
        server.probe();
        assertThat(new DatabaseHealth(server, dataSource).health().getStatus().getCode()).isEqualTo("DOWN");
        server.close();
        DatabaseCircuit inProcess = new DatabaseCircuit(null, null, null, Duration.ofSeconds(1), Clock.systemUTC());
        assertThat(new DatabaseHealth(inProcess, dataSource).health().getStatus().getCode()).isEqualTo("UP");
    }

    private MockHttpServletResponse run(MockHttpServletRequest request, Exception failure) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain failing = (rq, rs) -> {
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(failure);
        };
        registration.getFilter().doFilter(request, response, failing);
        return response;
    }
}
