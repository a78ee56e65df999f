package jp.tsunagari.system.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database server can be reached, so that page requests do not each wait for the pool's timeout while it
 * cannot. It opens when a request meets a lost connection or when the probe fails, and closes when the probe
 * reaches the server again. The probe is one connection of its own (not from the pool: a pool waiting for a server
 * that does not answer would hold the probe as long), opened with short timeouts, asked {@code select 1} every
 * {@code interval}; it runs for PostgreSQL only (H2 runs inside the process). While it is open nobody gets a
 * connection ({@link RequestDataSource}): background jobs end their run and try again at the next.
 */
public final class DatabaseCircuit {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCircuit.class);

    private final String url;
    private final Properties login;
    private final Clock clock;
    /** When the database was found unreachable, or null while it is reachable. */
    private volatile Instant downSince;
    private volatile String cause;
    private Connection probe;
    /** Threads waiting for a connection from the pool. */
    private final java.util.Set<Thread> waiting = new java.util.HashSet<>();
    private java.util.concurrent.ScheduledExecutorService prober;

    /** {@code url} null: nothing to probe (an in-process database); the circuit then never opens. */
    DatabaseCircuit(String url, String user, String password, Duration timeout, Clock clock) {
        this.url = url;
        this.clock = clock;
        this.login = new Properties();
        if (user != null) {
            login.setProperty("user", user);
        }
        if (password != null) {
            login.setProperty("password", password);
        }
        String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
        login.setProperty("connectTimeout", seconds);
        login.setProperty("loginTimeout", seconds);
        login.setProperty("socketTimeout", seconds);
        login.setProperty("ApplicationName", "tsunagari-probe");
    }

    /** Whether there is a probe (PostgreSQL), whose last look {@link #open} tells. */
    public boolean probed() {
        return url != null;
    }

    /** The database could not be reached when last tried. */
    public boolean open() {
        return downSince != null;
    }

    /** Since when it cannot be reached (null while it can). */
    public Instant downSince() {
        return downSince;
    }

    /**
     * Whether the database answers now (asked at once, unless already known to be unreachable): for a failure from the
     * database layer that does not say whether it was an outage. Always true without a probe.
     */
    public boolean reachableNow() {
        if (url == null) {
            return true;
        }
        if (!open()) {
            probe();
        }
        return !open();
    }

    /**
     * Whether a failure is the database being unreachable: it says so, or it came from the database layer without
     * saying why and the database does not answer now. The one rule for the outage filter and the site's error pages.
     */
    public boolean outage(Throwable failure) {
        return jp.tsunagari.system.DatabaseFaults.unavailable(failure)
                || jp.tsunagari.system.DatabaseFaults.fromTheDatabase(failure) && !reachableNow();
    }

    /** A request met a lost connection: open until the probe reaches the server (a no-op without a probe). */
    public void connectionLost(Throwable failure) {
        if (url != null) {
            down(failure.toString());
        }
    }

    /** Probes every {@code interval} on a daemon thread of its own until {@link #close}. */
    void start(Duration interval) {
        if (url == null) {
            return;
        }
        prober = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "database-probe");
            t.setDaemon(true);
            return t;
        });
        prober.scheduleWithFixedDelay(this::probe, interval.toMillis(), interval.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** One look at the server: opens or closes the circuit. */
    synchronized void probe() {
        if (url == null) {
            return;
        }
        try {
            if (probe == null || probe.isClosed()) {
                probe = DriverManager.getConnection(url, login);
            }
            try (Statement s = probe.createStatement()) {
                s.execute("select 1");
            }
            up();
        } catch (SQLException | RuntimeException e) {
            closeProbe();
            down(e.toString());
        }
    }

    private void down(String why) {
        if (downSince == null) {
            cause = why;
            downSince = clock.instant();
            log.warn("Database unreachable: pages that need it answer 503 until it is back ({})", why);
            synchronized (waiting) {
                waiting.forEach(Thread::interrupt);
            }
        }
    }

    /**
     * Gets a connection from the pool; a thread still waiting for one when the circuit opens stops waiting (the pool's
     * wait is interruptible; the interrupt is cleared before the thread goes on).
     */
    Connection connection(javax.sql.DataSource pool) throws SQLException {
        Thread self = Thread.currentThread();
        synchronized (waiting) {
            waiting.add(self);
        }
        try {
            return pool.getConnection();
        } finally {
            synchronized (waiting) {
                waiting.remove(self);
                Thread.interrupted();
            }
        }
    }

    private void up() {
        Instant since = downSince;
        if (since != null) {
            downSince = null;
            log.info("Database reachable again after {} ms (was: {})",
                    Duration.between(since, clock.instant()).toMillis(), cause);
        }
    }

    void close() {
        if (prober != null) {
            prober.shutdownNow();
        }
        synchronized (this) {
            closeProbe();
        }
    }

    private void closeProbe() {
        if (probe != null) {
            try {
                probe.close();
            } catch (SQLException ignored) {
                // the connection is gone anyway
            }
            probe = null;
        }
    }
}
