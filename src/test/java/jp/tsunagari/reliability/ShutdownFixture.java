package jp.tsunagari.reliability;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ShutdownAnyMomentIT} needs around the application: the catalogue as the public API serves it (program
 * count and a search total), changes written straight into the H2 file while no instance runs (as an import would,
 * with the change log the index catches up from), and a slow web server on 127.0.0.1 for the link check.
 */
final class ShutdownFixture {

    /** A word many synthetic programs hold. */
    static final String WORD = "支援";
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    private ShutdownFixture() {
    }

    /** What the public API serves: every program (ended ones included) and the programs the search finds. */
    record Catalogue(long programs, long found) {
    }

    static Catalogue catalogue(Function<String, URI> uri) {
        return new Catalogue(total(uri.apply("/api/v1/programs?ended=include&size=1")),
                total(uri.apply("/api/v1/programs?ended=include&size=1&q="
                        + java.net.URLEncoder.encode(WORD, StandardCharsets.UTF_8))));
    }

    static String get(URI uri) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError(uri + " answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long total(URI uri) {
        Matcher m = TOTAL.matcher(get(uri));
        if (!m.find()) {
            throw new AssertionError("no total in the answer of " + uri);
        }
        return Long.parseLong(m.group(1));
    }

    /** The published programs in the H2 file of {@code dataDir} (no instance running). */
    static long published(Path dataDir) {
        try (Connection c = DriverManager.getConnection(h2(dataDir), "sa", "");
             var rs = c.createStatement().executeQuery("select count(*) from program where status = 'PUBLISHED'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the execution of the job {@code task} due now (db-scheduler's row; no instance running). */
    static void dueNow(Path dataDir, String task) {
        try (Connection c = DriverManager.getConnection(h2(dataDir), "sa", "");
             PreparedStatement due = c.prepareStatement("update scheduled_tasks set execution_time ="
                     + " dateadd('MINUTE', -1, current_timestamp) where task_name = ?")) {
            due.setString(1, task);
            if (due.executeUpdate() != 1) {
                throw new AssertionError("no execution of " + task + " in scheduled_tasks");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String h2(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("catalogue")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    /**
     * Points the links of the first {@code count} published programs (by id) at {@code base}, straight in the H2 file
     * of {@code dataDir} (no instance running), and writes one step of the change log per program, as the editor does:
     * the next start catches the index up by {@code count} programs. Returns their ids.
     */
    static List<Long> pointLinksAt(Path dataDir, String base, int count) {
        try (Connection c = DriverManager.getConnection(h2(dataDir), "sa", "")) {
            c.setAutoCommit(false);
            List<Long> ids = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("select id from program where status = 'PUBLISHED'"
                    + " order by id fetch first " + count + " rows only")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            long marker;
            try (var rs = c.createStatement().executeQuery("select counter from change_marker where id = 1")) {
                rs.next();
                marker = rs.getLong(1);
            }
            try (PreparedStatement links = c.prepareStatement("update program set official_url = ?, apply_url = ?,"
                    + " contact_url = null where id = ?");
                 PreparedStatement step = c.prepareStatement("insert into catalogue_change (counter, program_id,"
                         + " changed_at) values (?, ?, current_timestamp)")) {
                for (long id : ids) {
                    links.setString(1, base + "/o/" + id);
                    links.setString(2, base + "/a/" + id);
                    links.setLong(3, id);
                    links.addBatch();
                    step.setLong(1, ++marker);
                    step.setLong(2, id);
                    step.addBatch();
                }
                links.executeBatch();
                step.executeBatch();
            }
            c.createStatement().executeUpdate("update change_marker set counter = " + marker + " where id = 1");
            c.commit();
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A web server on 127.0.0.1 that answers every request after {@code delayMs} (a slow site for the link check). */
    static final class SlowSite implements AutoCloseable {
        private final HttpServer server;
        final AtomicInteger requests = new AtomicInteger();

        SlowSite(long delayMs) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                try {
                    Thread.sleep(delayMs);
                    byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } catch (InterruptedException | IOException e) {
                    // the client went away (the application stopped)
                } finally {
                    exchange.close();
                }
            });
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}
