package jp.tsunagari.reliability;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * What the alert ITs share: a real SMTP server in the test JVM (GreenMail on a free port of 127.0.0.1), the arguments
 * that point an app process at it and make the daily digest due at once, confirmed subscriptions written straight
 * into the database (kind SEARCH, no conditions: every changed program), changes published through the admin forms,
 * and reading the digest's tables.
 */
final class AlertRig implements AutoCloseable {

    /** The conditions of every subscription: none, so every published change matches. */
    static final String CONDITIONS = "";

    final AppProcess.Database db;
    final GreenMail smtp;
    /** Mails accepted per recipient, counted as GreenMail delivers them (cheaper than reading 10,000 stored mails). */
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final AtomicInteger acceptedTotal = new AtomicInteger();
    private Connection connection;

    AlertRig(AppProcess.Database db) {
        // GreenMail logs a line per new recipient (10,000 here) at INFO
        if (org.slf4j.LoggerFactory.getLogger("com.icegreen.greenmail") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        this.db = db;
        this.smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        MessageDeliveryHandler deliver = smtp.getUserManager().getMessageDeliveryHandler();
        smtp.getUserManager().setMessageDeliveryHandler((message, to) -> {
            GreenMailUser user = deliver.handle(message, to);
            accepted.computeIfAbsent(to.getEmail().toLowerCase(Locale.ROOT), a -> new AtomicInteger()).incrementAndGet();
            acceptedTotal.incrementAndGet();
            return user;
        });
    }

    /**
     * The app's arguments: this SMTP server; the daily digest due now ({@code daily-at=00:00}) taking every revision
     * ({@code settle=PT0S}); a look every 2 s; {@code mailsPerSecond}; the job table polled every second; plus
     * {@code more} (e.g. short heartbeats).
     */
    List<String> appArgs(int mailsPerSecond, String... more) {
        List<String> args = new ArrayList<>(List.of("--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(), "--catalogue.alerts.daily-at=00:00",
                "--catalogue.alerts.settle=PT0S", "--catalogue.alerts.tick=PT2S",
                "--catalogue.alerts.mails-per-second=" + mailsPerSecond, "--catalogue.jobs.polling-interval=PT1S"));
        args.addAll(List.of(more));
        return args;
    }

    /** Publishes a new name (and summary …) of programs 1..n through the edit form, as the administrator. */
    static void publishChanges(AppProcess app, int n) throws IOException {
        StaffSession admin = StaffSession.admin(app);
        for (long id = 1; id <= n; id++) {
            StaffSession.Form form = Edits.write(admin.editForm(id), Edits.newToken());
            StaffSession.Answer answer = admin.publish(id, form);
            StaffSession.check(StaffSession.acknowledged(id, answer),
                    "publishing program " + id + ": " + answer.status() + " " + answer.location());
        }
    }

    /**
     * Waits for the job's first look (at start-up, before any subscription existed: today's runs were recorded empty,
     * DONE), then in one transaction writes {@code n} confirmed daily subscriptions ({@code prefix-00001@example.jp} …,
     * mail from revision 0 on) and forgets those empty runs: as if the subscribers had been there before the day's
     * digest time. The next look (within {@code tick}) makes today's run with every published change.
     */
    void subscribeBeforeTheDigest(int n, String prefix) throws SQLException {
        awaitFirstLook();
        String key = sha256Hex("SEARCH:" + CONDITIONS);
        Timestamp now = Timestamp.from(Instant.now());
        Connection c = connect();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement ps = c.prepareStatement("insert into alert_subscription (email, kind, conditions,"
                    + " condition_key, frequency, lang, status, link_salt, since_revision, created_at, confirmed_at)"
                    + " values (?, 'SEARCH', ?, ?, 'DAILY', 'ja', 'CONFIRMED', ?, 0, ?, ?)")) {
                for (int i = 1; i <= n; i++) {
                    ps.setString(1, address(prefix, i));
                    ps.setString(2, CONDITIONS);
                    ps.setString(3, key);
                    ps.setString(4, String.format("salt-%017d", i));
                    ps.setTimestamp(5, now);
                    ps.setTimestamp(6, now);
                    ps.addBatch();
                    if (i % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("delete from alert_run");
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Waits until the digest job has looked once: today's daily and this week's weekly run exist, both DONE. */
    void awaitFirstLook() {
        await("the digest job's first look (two runs DONE)", 120, () -> count("select count(*) from alert_run"
                + " where state = 'DONE'") >= 2 && count("select count(*) from alert_run where state <> 'DONE'") == 0);
    }

    static String address(String prefix, int i) {
        return String.format("%s-%05d@example.jp", prefix, i);
    }

    /** Mails received (accepted by the SMTP server) so far. */
    int received() {
        return acceptedTotal.get();
    }

    /** Mails received per recipient address; checked once against what GreenMail stored. */
    Map<String, Integer> receivedPerAddress() throws MessagingException {
        Map<String, Integer> n = new HashMap<>();
        accepted.forEach((address, count) -> n.put(address, count.get()));
        Map<String, Integer> stored = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            for (Address to : m.getAllRecipients()) {
                stored.merge(to.toString().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        if (!stored.equals(n)) {
            throw new AssertionError("GreenMail stored other mails than it accepted: " + stored.size() + " addresses, "
                    + n.size() + " counted");
        }
        return n;
    }

    /** Waits until today's daily run is DONE and no more mail has arrived for 1 s; fails after {@code seconds}. */
    void awaitDailyRunDone(int seconds) {
        await("today's daily run DONE", seconds, () -> "DONE".equals(dailyRunState()));
        int seen = received();
        for (int i = 0; i < 30; i++) {
            AppProcess.sleep(1_000);
            int now = received();
            if (now == seen) {
                return;
            }
            seen = now;
        }
        throw new AssertionError("mail still arriving 30 s after the daily run was DONE");
    }

    String dailyRunState() {
        try (Statement s = connect().createStatement();
             var rs = s.executeQuery("select state from alert_run where frequency = 'DAILY'")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number of the daily run's mails per delivery state (PENDING, SENDING, SENT, FAILED). */
    Map<String, Long> deliveries() {
        Map<String, Long> states = new HashMap<>();
        try (Statement s = connect().createStatement();
             var rs = s.executeQuery("select d.state, count(*) from alert_mail d join alert_run r on r.id = d.run_id"
                     + " where r.frequency = 'DAILY' group by d.state")) {
            while (rs.next()) {
                states.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return states;
    }

    /** The addresses of the daily run's mails marked SENDING (taken by a sender, not yet marked SENT). */
    List<String> sendingAddresses() {
        List<String> addresses = new ArrayList<>();
        try (Statement s = connect().createStatement();
             var rs = s.executeQuery("select s.email from alert_mail d join alert_subscription s on s.id ="
                     + " d.subscription_id join alert_run r on r.id = d.run_id where r.frequency = 'DAILY'"
                     + " and d.state = 'SENDING'")) {
            while (rs.next()) {
                addresses.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return addresses;
    }

    long count(String sql) {
        try (Statement s = connect().createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One connection for the test's reads and writes (polled often: a new one each time costs a server process). */
    private Connection connect() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(db.url(), db.user(), db.password());
        }
        return connection;
    }

    static void await(String what, int seconds, BooleanSupplier done) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            AppProcess.sleep(200);
        }
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        smtp.stop();
        if (connection != null) {
            connection.close();
        }
    }
}
