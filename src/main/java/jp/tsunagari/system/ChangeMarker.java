package jp.tsunagari.system;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's change counter in the database. Writers call {@link #bump()} inside their transaction; readers
 * (the search index of every instance) compare {@link #current()} with what they were built from.
 * A {@link CatalogueChanged} event lets the local instance react at once, after the commit.
 */
@Component
public class ChangeMarker {

    /** Published inside the writing transaction; listen with {@code @TransactionalEventListener}. */
    public record CatalogueChanged(long counter) {
    }

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    ChangeMarker(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void bump() {
        jdbc.update("update change_marker set counter = counter + 1 where id = 1");
        events.publishEvent(new CatalogueChanged(current()));
    }

    public long current() {
        Long counter = jdbc.queryForObject("select counter from change_marker where id = 1", Long.class);
        return counter == null ? 0 : counter;
    }
}
