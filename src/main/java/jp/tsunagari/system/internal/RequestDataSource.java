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
 * The pool as page requests see it ({@link DatabaseOutageFilter} marks their threads): while the {@link DatabaseCircuit}
 * is open a request gets no connection at once (a 503 page instead of waiting for the pool's timeout); a connection a
 * request gets answers within {@code networkTimeout} or fails (PostgreSQL; the pool restores its own setting when the
 * connection comes back), so a database that stops answering mid-query costs a page at most that long. A lost
 * connection met here opens the circuit. Background jobs get the pool unchanged.
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
        if (!DatabaseOutageFilter.serving()) {
            return super.getConnection();
        }
        if (circuit.open()) {
            throw new SQLTransientConnectionException("The database is unreachable since " + circuit.downSince(), "08001");
        }
        try {
            Connection c = super.getConnection();
            if (networkTimeoutMillis > 0) {
                c.setNetworkTimeout(DIRECT, networkTimeoutMillis);
            }
            return c;
        } catch (SQLException e) {
            if (DatabaseFaults.connectionLost(e)) {
                circuit.connectionLost(e);
            }
            throw e;
        }
    }
}
