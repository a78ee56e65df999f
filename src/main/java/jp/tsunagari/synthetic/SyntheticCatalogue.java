package jp.tsunagari.synthetic;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import jp.tsunagari.catalogue.ProgramValueReader;
import jp.tsunagari.system.ChangeMarker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the database with synthetic programs recombined from the seeded ones, for benchmarks only (profile
 * {@code synthetic}; never part of the default data). Writes with JDBC batches, {@value #CHUNK} programs per
 * transaction, then moves the identities past the ids it used and bumps the change marker once.
 */
@Service
@Profile("synthetic")
class SyntheticCatalogue {

    private static final Logger log = LoggerFactory.getLogger(SyntheticCatalogue.class);

    static final int CHUNK = 1_000;
    static final int PROGRESS = 10_000;

    /** Tables whose identity column got explicit ids (program first: its floor also counts deleted programs). */
    private static final List<String> IDENTITY_TABLES = List.of("program", "program_section", "section_item",
            "reach_metric", "example_group", "target_group", "criterion", "program_revision");

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final ProgramValueReader data;
    private final ChangeMarker marker;
    private final JsonMapper json;
    private final Clock clock;

    SyntheticCatalogue(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions,
                       ProgramValueReader data, ChangeMarker marker, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactions);
        this.data = data;
        this.marker = marker;
        this.json = json;
        this.clock = clock;
    }

    /** What one run wrote. */
    record Result(int programs, long firstId, long lastId, Duration time) {
    }

    long programCount() {
        Long count = jdbc.queryForObject("select count(*) from program", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Adds {@code count} synthetic programs. With {@code notifyLocally} the change marker is bumped through
     * {@link ChangeMarker} (this instance's search index rebuilds after the commit); without, only the counter moves
     * (other instances and the next start rebuild), for a run that exits right after.
     */
    Result generate(int count, long seed, boolean notifyLocally) {
        long started = System.nanoTime();
        SeedMaterial material = SeedMaterial.load(jdbc, data);
        Recombiner recombiner = new Recombiner(material, seed, clock.instant());
        CatalogueRows rows = new CatalogueRows(jdbc, json);
        CatalogueRows.Ids ids = CatalogueRows.Ids.after(jdbc);
        long firstId = ids.program;
        log.info("Generating {} synthetic programs from {} seeded programs and {} municipalities (seed {}), ids from {}",
                count, material.seeds().size(), material.municipalities().size(), seed, firstId);
        // One thread recombines and serialises the next chunk while this one writes the current chunk.
        ExecutorService preparer = Executors.newSingleThreadExecutor(r -> new Thread(r, "synthetic-prepare"));
        try {
            Future<CatalogueRows.Prepared> next = preparer.submit(() -> prepare(recombiner, rows, ids, Math.min(CHUNK, count)));
            int done = 0;
            while (done < count) {
                CatalogueRows.Prepared chunk = next.get();
                int size = chunk.programIds().size();
                int after = done + size;
                if (after < count) {
                    next = preparer.submit(() -> prepare(recombiner, rows, ids, Math.min(CHUNK, count - after)));
                }
                transactions.executeWithoutResult(status -> rows.write(chunk));
                if (after / PROGRESS > done / PROGRESS || after == count) {
                    log.info("Synthetic programs: {} of {} written ({} s)", after, count,
                            Duration.ofNanos(System.nanoTime() - started).toSeconds());
                }
                done = after;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not prepare synthetic programs", e.getCause());
        } finally {
            preparer.shutdownNow();
        }
        moveIdentities();
        if (notifyLocally) {
            transactions.executeWithoutResult(status -> marker.bump());
        } else {
            transactions.executeWithoutResult(status ->
                    jdbc.update("update change_marker set counter = counter + 1 where id = 1"));
        }
        Duration time = Duration.ofNanos(System.nanoTime() - started);
        log.info("Generated {} synthetic programs (ids {}..{}) in {} ms", count, firstId, ids.program - 1,
                time.toMillis());
        return new Result(count, firstId, ids.program - 1, time);
    }

    private static CatalogueRows.Prepared prepare(Recombiner recombiner, CatalogueRows rows, CatalogueRows.Ids ids,
                                                  int size) {
        List<Recombiner.SyntheticProgram> chunk = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            chunk.add(recombiner.next());
        }
        return rows.prepare(chunk, ids);
    }

    /**
     * Moves every identity we gave explicit ids to past the largest id in use (as catalogue's ProgramIds does for
     * program ids). Outside a transaction: on H2 this is DDL, which would commit.
     */
    private void moveIdentities() {
        boolean postgres = isPostgres();
        for (String table : IDENTITY_TABLES) {
            String max = "program".equals(table)
                    ? "select greatest(coalesce((select max(id) from program), 0),"
                    + " coalesce((select max(program_id) from program_revision), 0))"
                    : "select coalesce(max(id), 0) from " + table;
            Long used = jdbc.queryForObject(max, Long.class);
            long next = (used == null ? 0 : used) + 1;
            if ("program".equals(table)) {
                next = Math.max(next, SeedMaterial.FIRST_GENERATED);
            }
            if (postgres) {
                String sequence = jdbc.queryForObject("select pg_get_serial_sequence(?, 'id')", String.class, table);
                Long current = jdbc.queryForObject("select last_value from " + sequence, Long.class);
                if (current == null || current < next) {
                    jdbc.queryForObject("select setval(?, ?, false)", Long.class, sequence, next);
                }
            } else {
                jdbc.execute("alter table " + table + " alter column id restart with " + next);
            }
        }
    }

    /**
     * On H2 only: closes the database with {@code SHUTDOWN COMPACT}, which gives the space of the many rewritten
     * chunks back (100k programs: about 2.4 GB before, 0.4 GB after). For a run that exits right after: the
     * connections of the pool are unusable afterwards.
     */
    void compactAndCloseIfH2() {
        if (isPostgres()) {
            return;
        }
        long started = System.nanoTime();
        log.info("Compacting the H2 database (SHUTDOWN COMPACT)");
        jdbc.execute("shutdown compact");
        log.info("H2 database compacted and closed in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private boolean isPostgres() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
