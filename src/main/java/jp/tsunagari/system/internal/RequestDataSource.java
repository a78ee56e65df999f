package jp.tsunagari.system.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import jp.tsunagari.system.DatabaseFaults;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool behind the {@link DatabaseCircuit}: while it is open nobody gets a connection (a page answers 503 at once,
 * a background job ends its run and tries again at the next, a shutdown does not wait for the pool's timeout); whoever
 * is waiting for the pool when it opens stops waiting. A connection a page request gets ({@link DatabaseOutageFilter}
 * marks their threads) answers within {@code networkTimeout} or fails (PostgreSQL; the pool restores its own setting
 * when the connection comes back), so a database that stops answering mid-query costs a page at most that long. A
 * lost connection met here opens the circuit.
 */
final class RequestDataSource extends DelegatingDataSource {

    private static final Executor DIRECT = Runnable::run;
    private final DatabaseCircuit circuit;
    private final int networkTimeoutMillis;

    /** {@code networkTimeout} zero: none (H2, which runs in the process and has no network timeout). */
    RequestDataSource(DataSource pool, DatabaseCircuit circuit, Duration networkTimeout) {
        super(pool);
        this.circuit = circuit;
        this.networkTimeoutMillis = (int) networkTimeout.toMillis();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (circuit.open()) {
            throw new SQLTransientConnectionException("The database is unreachable since " + circuit.downSince(), "08001");
        }
        try {
            Connection c = circuit.connection(obtainTargetDataSource());
            if (networkTimeoutMillis > 0 && DatabaseOutageFilter.serving()) {
                c.setNetworkTimeout(DIRECT, networkTimeoutMillis);
            }
            return c;
        } catch (SQLException e) {
            if (DatabaseFaults.connectionLost(e)) {
                circuit.connectionLost(e);
            }
            if (circuit.open()) { // including a wait for the pool that the circuit's opening ended
                throw new SQLTransientConnectionException("The database is unreachable", "08001", e);
            }
            throw e;
        }
    }
}
