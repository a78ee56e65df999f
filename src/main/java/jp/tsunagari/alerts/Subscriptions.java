package jp.tsunagari.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import jp.tsunagari.catalogue.PublishedChanges;
import jp.tsunagari.system.JapanTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscribing, confirming and leaving. Every request to subscribe gets the same answer (「確認メールを送りました」)
 * whatever the address's state, so the page never tells whether an address is subscribed; the mail says it instead:
 * a confirmation link for a new or still unconfirmed subscription, the manage link for one already confirmed.
 * Nothing but that one mail is sent before the link is used.
 */
@Service
class Subscriptions {

    /** What a subscribe request asks for, already checked by the form. */
    record Request(String email, Kind kind, String conditions, Integer age, Frequency frequency, Locale locale) {
    }

    private final SubscriptionRows rows;
    private final AlertThrottle throttle;
    private final AlertMail mail;
    private final PublishedChanges changes;
    private final AlertSettings settings;
    private final Clock clock;

    Subscriptions(SubscriptionRows rows, AlertThrottle throttle, AlertMail mail, PublishedChanges changes,
                  AlertSettings settings, Clock clock) {
        this.rows = rows;
        this.throttle = throttle;
        this.mail = mail;
        this.changes = changes;
        this.settings = settings;
        this.clock = clock;
    }

    /** False if this client or address asked too often (nothing is stored or sent then). */
    boolean subscribe(Request r, String client) {
        String email = Addresses.normalize(r.email());
        if (!throttle.allow(client, email)) {
            return false;
        }
        String key = LinkKeys.hash(r.kind() + ":" + r.conditions());
        Instant now = clock.instant();
        Instant expires = now.plus(settings.pendingFor());
        String token = LinkKeys.random(32);
        String lang = "en".equals(r.locale().getLanguage()) ? "en" : "ja";
        LocalDate ageOn = r.age() == null ? null : JapanTime.today(clock);
        Optional<SubscriptionRows.Row> existing = rows.byEmailAndKey(email, key);
        if (existing.isEmpty()) {
            try {
                rows.insertPending(email, r.kind(), r.conditions(), key, r.frequency(), lang, ageOn,
                        LinkKeys.hash(token), expires, LinkKeys.random(16), now);
            } catch (DuplicateKeyException twice) {
                existing = rows.byEmailAndKey(email, key);
            }
        }
        if (existing.isPresent() && existing.get().confirmed()) {
            mail.alreadySubscribed(existing.get());
            return true;
        }
        existing.ifPresent(row -> rows.renewPending(row.id(), r.frequency(), lang, ageOn, LinkKeys.hash(token), expires));
        SubscriptionRows.Row row = rows.byEmailAndKey(email, key).orElseThrow();
        mail.confirmation(row, token, expires);
        return true;
    }

    /** The pending subscription an open confirmation link is for. */
    @Transactional(readOnly = true)
    Optional<SubscriptionRows.Row> pending(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return rows.pendingByHash(LinkKeys.hash(token), clock.instant());
    }

    /** Uses the link: mail starts with the changes published from now on. Empty if the link is not open. */
    @Transactional
    Optional<SubscriptionRows.Row> confirm(String token) {
        Optional<SubscriptionRows.Row> row = pending(token);
        if (row.isEmpty() || !rows.confirm(row.get().id(), changes.latestRevision(), clock.instant())) {
            return Optional.empty();
        }
        return rows.find(row.get().id());
    }

    /** The confirmed subscription a manage or unsubscribe link names, if its signature holds. */
    @Transactional(readOnly = true)
    Optional<SubscriptionRows.Row> byLink(String token) {
        return LinkKeys.idOf(token).stream().boxed().findFirst().flatMap(rows::find)
                .filter(SubscriptionRows.Row::confirmed)
                .filter(row -> mail.links().valid(token, row.id(), row.linkSalt()));
    }

    /** Deletes the subscription and its address at once; false if the link names none (already deleted). */
    @Transactional
    boolean unsubscribe(String token) {
        return byLink(token).map(row -> rows.delete(row.id())).orElse(false);
    }

    @Transactional
    boolean changeFrequency(String token, Frequency frequency) {
        Optional<SubscriptionRows.Row> row = byLink(token);
        row.ifPresent(r -> rows.changeFrequency(r.id(), frequency));
        return row.isPresent();
    }

    /** Keeps the subscription for another 12 months (the renewal mail's question answered). */
    @Transactional
    boolean renew(String token) {
        Optional<SubscriptionRows.Row> row = byLink(token);
        row.ifPresent(r -> rows.renew(r.id(), clock.instant()));
        return row.isPresent();
    }
}
