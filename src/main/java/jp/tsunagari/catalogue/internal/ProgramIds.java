package jp.tsunagari.catalogue.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the program id generator ahead of every id in use after an import inserted programs with their own ids.
 * The floor also counts ids of deleted programs that still have history, so an id is never given out twice.
 * Runs after the import's commit: on H2 the identity is changed by DDL, which would end the transaction.
 */
@Component
public class ProgramIds {

    /** The seed uses ids below this; new programs start here (V5). */
    static final long FIRST_GENERATED = 1000;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    ProgramIds(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void keepAhead() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    advance();
                }
            });
        } else {
            advance();
        }
    }

    void advance() {
        Long used = jdbc.queryForObject("select greatest(coalesce((select max(id) from program), 0),"
                + " coalesce((select max(program_id) from program_revision), 0))", Long.class);
        long next = Math.max(FIRST_GENERATED, (used == null ? 0 : used) + 1);
        if (isPostgres()) {
            Long current = jdbc.queryForObject("select last_value from " + jdbc.queryForObject(
                    "select pg_get_serial_sequence('program', 'id')", String.class), Long.class);
            if (current == null || current < next) {
                jdbc.queryForObject("select setval(pg_get_serial_sequence('program', 'id'), ?, false)", Long.class, next);
            }
        } else {
            Long base = jdbc.queryForObject("select identity_base from information_schema.columns"
                    + " where table_name = 'program' and column_name = 'id'", Long.class);
            if (base == null || base < next) {
                jdbc.execute("alter table program alter column id restart with " + next);
            }
        }
    }

    private boolean isPostgres() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
