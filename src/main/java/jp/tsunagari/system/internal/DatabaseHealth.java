package jp.tsunagari.system.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The database in health and readiness ({@code database}, in place of Spring Boot's {@code db}): for PostgreSQL the
 * {@link DatabaseCircuit}'s last probe (at most a second old), so a readiness check never waits on a database that
 * does not answer — Boot's check borrowed a pooled connection and, during a network pause, waited for the request's
 * network timeout (10 s) before saying DOWN; for H2, in the process, a connection from the pool and a validity check.
 */
final class DatabaseHealth implements HealthIndicator {

    private final DatabaseCircuit circuit;
    private final DataSource dataSource;

    DatabaseHealth(DatabaseCircuit circuit, DataSource dataSource) {
        this.circuit = circuit;
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        if (circuit.probed()) {
            return circuit.open() ? Health.down().withDetail("since", circuit.downSince().toString()).build()
                    : Health.up().build();
        }
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2) ? Health.up().build() : Health.down().build();
        } catch (SQLException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
