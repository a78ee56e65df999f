package jp.tsunagari.system;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's change counter in the database, with a log of what each step changed. Writers call
 * {@link #bump(long)} (one program) or {@link #bump()} (anything wider) inside their transaction; readers (the
 * search index of every instance) compare {@link #current()} with what they were built from and ask
 * {@link #changesSince} which programs to update. The counter's row is locked by the update until the commit, so
 * steps are numbered in commit order without gaps. A {@link CatalogueChanged} event lets the local instance react at
 * once, after the commit.
 */
@Component
public class ChangeMarker {

    /** How many log rows are kept; an index further behind than this rebuilds completely. */
    static final int KEPT = 10_000;

    /** Published inside the writing transaction; listen with {@code @TransactionalEventListener}. */
    public record CatalogueChanged(long counter) {
    }

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    ChangeMarker(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A change to one program (content, status, deletion). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void bump(long programId) {
        step(programId);
    }

    /** A change that may concern any program (category or place names, bulk loads). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void bump() {
        step(null);
    }

    private void step(Long programId) {
        jdbc.update("update change_marker set counter = counter + 1 where id = 1");
        long counter = current();
        jdbc.update("insert into catalogue_change (counter, program_id, changed_at) values (?, ?, current_timestamp)",
                counter, programId);
        if (counter % 100 == 0) {
            jdbc.update("delete from catalogue_change where counter <= ?", counter - KEPT);
        }
        events.publishEvent(new CatalogueChanged(counter));
    }

    /**
     * This database's identity, made once (a random UUID) and kept in the marker's row: an index kept on disk is only
     * caught up from the database it was read from, not from a new or restored one whose steps reuse its numbers.
     */
    @Transactional
    public String databaseId() {
        String id = jdbc.queryForObject("select database_id from change_marker where id = 1", String.class);
        if (id == null) {
            jdbc.update("update change_marker set database_id = ? where id = 1 and database_id is null",
                    java.util.UUID.randomUUID().toString());
            id = jdbc.queryForObject("select database_id from change_marker where id = 1", String.class);
        }
        return id;
    }

    public long current() {
        Long counter = jdbc.queryForObject("select counter from change_marker where id = 1", Long.class);
        return counter == null ? 0 : counter;
    }

    /**
     * The programs changed after step {@code from} up to step {@code to}, or empty when that is unknown (a wider
     * change, or steps no longer in the log): then everything must be read again.
     */
    public Optional<Set<Long>> changesSince(long from, long to) {
        if (to <= from) {
            return Optional.of(Set.of());
        }
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select counter, program_id from catalogue_change where counter > ? and counter <= ?", from, to);
        if (rows.size() != to - from) {
            return Optional.empty();
        }
        Set<Long> ids = new HashSet<>();
        for (Map<String, Object> row : rows) {
            Object id = row.get("program_id");
            if (id == null) {
                return Optional.empty();
            }
            ids.add(((Number) id).longValue());
        }
        return Optional.of(ids);
    }
}
