package jp.tsunagari.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures mean "the database cannot be reached now" rather than a fault of ours: a connection refused, reset
 * or timed out (SQLSTATE class 08), the server shutting down or restarting (57P01–57P03), too many connections
 * (53300), or no connection from the pool in time. Pages answer those with 503 and what was typed
 * (docs/reliability.md); everything else stays a 500.
 */
public final class DatabaseFaults {

    private DatabaseFaults() {
    }

    /** The database could not be reached, or the pool had no connection in time. */
    public static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
                    || connectionLost(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A failure that came from the database layer but does not say why: e.g. a rollback refused because the pool had
     * already closed the broken connection ("Connection is closed", no SQLSTATE). Whether it was an outage is then
     * asked of the database itself.
     */
    public static boolean fromTheDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.dao.DataAccessException || t instanceof SQLException
                    || t instanceof org.springframework.transaction.TransactionException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The connection to the server failed (refused, reset, timed out, server shutting down) — not merely a busy pool.
     * A pool timeout counts when its cause is such a failure (Hikari keeps the last connection error as cause and
     * SQLSTATE).
     */
    public static boolean connectionLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300")) {
                    return true;
                }
            }
        }
        return false;
    }
}
