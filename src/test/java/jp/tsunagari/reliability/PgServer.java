package jp.tsunagari.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The PostgreSQL server given with -Dpg.url/-Dpg.user/-Dpg.password, or else the embedded one that
 * {@code jp.tsunagari.EmbeddedPostgresSession} started for this JVM and set pg.* to (with {@code -Dpg.embedded=true},
 * as the reliability profile runs); absent when neither (empty, or Maven's unresolved {@code ${pg.url}}). Each test
 * run creates its own database on it and drops it afterwards.
 */
record PgServer(String url, String user, String password) {

    static Optional<PgServer> configured() {
        String url = property("pg.url");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PgServer(url, property("pg.user"), property("pg.password")));
    }

    private static String property(String name) {
        String v = System.getProperty(name, "").trim();
        return v.startsWith("${") ? "" : v;
    }

    /** Creates an empty database named {@code name} (dropped first if a failed run left it). */
    AppProcess.Database create(String name) throws SQLException {
        execute("drop database if exists " + name + " with (force)", "create database " + name);
        return AppProcess.Database.postgres(urlOf(name), user, password);
    }

    /**
     * Drops the database, trying again for a few seconds: after a load run an autovacuum worker may be inside it,
     * and a server given with -Dpg.user may not let that user end it (the embedded one grants pg_signal_backend).
     */
    void drop(String name) throws SQLException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                execute("drop database if exists " + name + " with (force)");
                return;
            } catch (SQLException e) {
                if (attempt == 10) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }

    private void execute(String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** The URL with its database replaced (query parameters kept). */
    private String urlOf(String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String rest = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + rest;
    }
}
