package jp.tsunagari.synthetic;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * With the profile {@code synthetic}: fills the configured database with {@code catalogue.synthetic.programs}
 * synthetic programs at start-up, unless it already holds more than the seeded ones; with
 * {@code catalogue.synthetic.exit=true} the app then stops (exit code 0) before serving or building its search index,
 * after compacting an H2 database:
 * {@code java -jar app.jar --spring.profiles.active=synthetic --catalogue.synthetic.programs=100000
 * --catalogue.synthetic.exit=true}. With {@code catalogue.synthetic.changes=N} it then edits and publishes N of the
 * published programs through the editor ({@link SyntheticChanges}: "a day of changes" for the e-mail alerts), on a
 * catalogue generated now or earlier; this runs after the synthetic subscriptions, so their mail starts before it.
 */
@Component
@Profile("synthetic")
class SyntheticRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SyntheticRunner.class);

    /** The number of programs V5 seeds. */
    static final int SEEDED = 15;

    private final SyntheticCatalogue catalogue;
    private final SyntheticChanges changes;
    private final ConfigurableApplicationContext context;
    private final int programs;
    private final long seed;
    private final boolean exit;
    private final int changed;

    SyntheticRunner(SyntheticCatalogue catalogue, SyntheticChanges changes, ConfigurableApplicationContext context,
                    @Value("${catalogue.synthetic.programs:1000}") int programs,
                    @Value("${catalogue.synthetic.seed:42}") long seed,
                    @Value("${catalogue.synthetic.exit:false}") boolean exit,
                    @Value("${catalogue.synthetic.changes:0}") int changed) {
        this.catalogue = catalogue;
        this.changes = changes;
        this.changed = changed;
        this.context = context;
        this.programs = programs;
        this.seed = seed;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        long present = catalogue.programCount();
        if (present > SEEDED) {
            log.info("Synthetic catalogue skipped: the database already holds {} programs (more than the {} seeded)",
                    present, SEEDED);
        } else if (programs > 0) {
            // The index is built at ApplicationReadyEvent anyway (or not at all with exit): moving the counter is enough.
            catalogue.generate(programs, seed, false);
        }
        if (changed > 0) {
            changes.apply(changed);
        }
        if (exit) {
            catalogue.compactAndCloseIfH2();
            log.info("Synthetic catalogue ready; exiting (catalogue.synthetic.exit=true)");
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
