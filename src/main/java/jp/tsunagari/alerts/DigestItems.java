package jp.tsunagari.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jp.tsunagari.catalogue.Acceptance;
import jp.tsunagari.catalogue.ProgramCard;
import jp.tsunagari.catalogue.ProgramCardLoader;
import jp.tsunagari.catalogue.ProgramRules;
import jp.tsunagari.catalogue.PublishedChanges;
import jp.tsunagari.catalogue.ScheduleView;
import jp.tsunagari.checker.EligibilityResults;
import jp.tsunagari.checker.SavedAnswers;
import jp.tsunagari.system.JapanTime;
import org.springframework.stereotype.Component;

/**
 * The programs of a run's mails in words: read once per run (cards and changes of the window's programs, at most a
 * few hundred a day) and put into each mail in its language; for a checker subscription judged again with its
 * answers on today's date, with the reasons as the results page gives them.
 */
@Component
class DigestItems {

    private final PublishedChanges published;
    private final ProgramCardLoader cards;
    private final EligibilityResults eligibility;
    private final SavedAnswers answers;
    private final AlertText text;
    private final AlertMail mail;
    private final Clock clock;

    DigestItems(PublishedChanges published, ProgramCardLoader cards, EligibilityResults eligibility,
                SavedAnswers answers, AlertText text, AlertMail mail, Clock clock) {
        this.published = published;
        this.cards = cards;
        this.eligibility = eligibility;
        this.answers = answers;
        this.text = text;
        this.mail = mail;
        this.clock = clock;
    }

    ForRun forRun(DigestRows.Run run) {
        Map<Long, PublishedChanges.Change> changes = published.between(run.from(), run.to());
        List<Long> ids = List.copyOf(changes.keySet());
        Map<Long, ProgramCard> byId = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 200) {
            cards.of(ids.subList(i, Math.min(ids.size(), i + 200))).forEach(c -> byId.put(c.id(), c));
        }
        return new ForRun(changes, byId, ids.isEmpty() ? null : eligibility.judging(ids));
    }

    /** A run's programs, ready to be put into mails. */
    final class ForRun {

        private final Map<Long, PublishedChanges.Change> changes;
        private final Map<Long, ProgramCard> cards;
        private final EligibilityResults.Judging judging;

        private ForRun(Map<Long, PublishedChanges.Change> changes, Map<Long, ProgramCard> cards,
                       EligibilityResults.Judging judging) {
            this.changes = changes;
            this.cards = cards;
            this.judging = judging;
        }

        /** The listed programs still published, in words. */
        List<AlertText.Item> items(SubscriptionRows.Row row, List<Long> ids, Locale locale) {
            List<Long> listed = ids.stream().filter(cards::containsKey).toList();
            Map<Long, EligibilityResults.Result> judged = new HashMap<>();
            if (row.kind() == Kind.CHECKER && judging != null) {
                LocalDate today = JapanTime.today(clock);
                judging.results(answers.profile(row.conditions(), row.ageOn(), today), listed, locale)
                        .forEach(r -> judged.put(r.id(), r));
            }
            List<AlertText.Item> items = new ArrayList<>();
            for (Long id : listed) {
                items.add(item(cards.get(id), changes.get(id), judged.get(id), locale));
            }
            return items;
        }

        /** The 受付期間 open today, else the next one, in words (empty when none is known). */
        private String window(long id, Locale locale) {
            ProgramRules rules = judging == null ? null : judging.program(id);
            if (rules == null) {
                return "";
            }
            ScheduleView view = ScheduleView.of(rules.lifecycle(), rules.schedule(), JapanTime.today(clock));
            Acceptance.Window w = view.open() != null ? view.open() : view.next();
            return w == null ? "" : text.msg("alerts.item.window", locale, JapanTime.format(w.start(), locale),
                    JapanTime.format(w.end(), locale));
        }

        private AlertText.Item item(ProgramCard card, PublishedChanges.Change change, EligibilityResults.Result judged,
                                    Locale locale) {
            String changed = change == null || change.isNew() ? text.msg("alerts.item.new", locale)
                    : change.changes().stream().map(c -> text.msg(c.messageKey(), locale, text.msg(c.fieldKey(), locale)))
                    .collect(Collectors.joining(text.msg("alerts.item.separator", locale)));
            String acceptance = card.acceptance() == Acceptance.UNKNOWN ? null
                    : text.msg("acceptance." + card.acceptance().code(), locale) + window(card.id(), locale);
            List<String> reasons = new ArrayList<>();
            String verdict = null;
            if (judged != null) {
                verdict = text.msg("checker.groupVerdict." + judged.verdict().name(), locale);
                judged.groups().forEach(g -> g.reasons().forEach(r -> reasons.add(text.msg("checker.reason", locale,
                        r.aspect(), r.condition(), r.reason()))));
                if (judged.period() != null) {
                    reasons.add(judged.period());
                }
            }
            return new AlertText.Item(card.id(), card.name(), card.hasOrganizer() ? card.organizerName(locale) : null,
                    card.category().name(locale), changed, acceptance, mail.absolute("/programs/" + card.id()),
                    verdict, List.copyOf(reasons));
        }
    }

}
