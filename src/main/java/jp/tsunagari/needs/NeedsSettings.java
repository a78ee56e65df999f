package jp.tsunagari.needs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code catalogue.needs.*} (docs/operations.md): how long counts are kept (whole days in Japan, today included), how
 * many distinct search texts an instance holds in memory between two flushes, how many a day keeps in the database,
 * and how often an instance adds its counts to the database.
 */
@ConfigurationProperties("catalogue.needs")
record NeedsSettings(@DefaultValue("P90D") Duration keptFor, @DefaultValue("10000") int textsInMemory,
                     @DefaultValue("1000") int textsPerDay, @DefaultValue("PT1M") Duration flushEvery) {

    NeedsSettings {
        if (keptFor.toDays() < 1 || textsInMemory < 0 || textsPerDay < 0) {
            throw new IllegalArgumentException("catalogue.needs: kept-for must be a day or more, limits 0 or more");
        }
    }

    /** Days kept, today included. */
    int days() {
        return (int) Math.min(keptFor.toDays(), 36_500);
    }
}
