package jp.tsunagari.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The search index in health and readiness ({@code searchIndex}): UP while it serves an index it can keep current;
 * {@code DEGRADED} (HTTP 200: the instance still answers from its last good snapshot, so a load balancer keeps it)
 * while writing failed or damaged files are being replaced by a rebuild; OUT_OF_SERVICE (503) only when there is no
 * snapshot at all. Details (state, since, error class, attempts) are for the management port; the public sees the
 * status word only ({@code show-details=never}).
 */
@Component("searchIndex")
class IndexHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "the search index answers from its last good snapshot; a rebuild"
            + " from the database is under way");

    private final ProgramIndex index;

    IndexHealth(ProgramIndex index) {
        this.index = index;
    }

    @Override
    public Health health() {
        IndexRecovery.Trouble t = index.recovery().trouble();
        Health.Builder health;
        if (!index.hasSnapshot()) {
            health = Health.outOfService().withDetail("state", t == null ? "opening" : "unavailable");
        } else if (t != null) {
            health = Health.status(DEGRADED).withDetail("state", t.unreadable() ? "damaged" : "degraded");
        } else {
            health = Health.up().withDetail("state", "current");
        }
        if (t != null) {
            health.withDetail("since", t.since().toString()).withDetail("error", t.error())
                    .withDetail("attempts", t.attempts());
        }
        IndexSnapshot s = index.current();
        if (s != null) {
            health.withDetail("programs", s.documents()).withDetail("marker", s.marker());
        }
        return health.build();
    }
}
