package jp.tsunagari.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps only what the privacy page promises, at every look of the digest job: unconfirmed subscriptions are deleted
 * after {@code pending-for} (72 h); a subscription confirmed {@code renew-after} ago (12 months) is asked once whether
 * to go on (a mail with the manage link, where 「配信を続ける」 confirms it again) and deleted {@code renew-grace}
 * later if not; the office's numbers are counted once a day ({@link AlertTally}); subscribe requests counted for the throttle are forgotten after an hour; finished runs and their
 * mail records after 30 days.
 */
@Component
class AlertHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(AlertHousekeeping.class);
    /** Renewal questions sent per look at most (the rest at the next looks). */
    static final int RENEWALS_PER_LOOK = 500;

    private final SubscriptionRows subscriptions;
    private final DigestRows digests;
    private final AlertThrottle throttle;
    private final AlertMail mail;
    private final AlertSettings settings;
    private final AlertTally tally;
    private final Clock clock;

    AlertHousekeeping(SubscriptionRows subscriptions, DigestRows digests, AlertThrottle throttle, AlertMail mail,
                      AlertSettings settings, AlertTally tally, Clock clock) {
        this.subscriptions = subscriptions;
        this.digests = digests;
        this.throttle = throttle;
        this.mail = mail;
        this.settings = settings;
        this.tally = tally;
        this.clock = clock;
    }

    void run(BooleanSupplier stop) {
        Instant now = clock.instant();
        int unconfirmed = subscriptions.deleteUnconfirmed(now.minus(settings.pendingFor()));
        int unrenewed = subscriptions.deleteUnrenewed(now.minus(settings.renewGrace()));
        throttle.forgetOld();
        digests.forgetRuns(now.minus(Duration.ofDays(30)));
        int asked = 0;
        for (SubscriptionRows.Row row : subscriptions.dueForRenewal(now.minus(settings.renewAfter()), RENEWALS_PER_LOOK)) {
            if (stop.getAsBoolean()) {
                break;
            }
            if (!mail.renewal(row)) {
                break;
            }
            subscriptions.renewAsked(row.id(), now);
            asked++;
        }
        tally.countIfDue();
        if (unconfirmed + unrenewed + asked > 0) {
            log.info("Alerts: {} unconfirmed and {} unrenewed subscriptions deleted, {} asked to renew", unconfirmed,
                    unrenewed, asked);
        }
    }
}
