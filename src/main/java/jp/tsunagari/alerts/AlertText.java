package jp.tsunagari.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import jp.tsunagari.checker.SavedAnswers;
import jp.tsunagari.search.SavedSearches;
import jp.tsunagari.system.JapanTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of the alert mails and pages, from the messages ({@code alerts.*}) in the subscription's language: the
 * conditions in words (a search's text and filters, or the checker's answers with the age of today), and each mail's
 * text part and HTML model (template {@code mail/alert.html}).
 */
@Component
class AlertText {

    /** A program in a digest, in words: what changed, its 受付状況, and for the checker the verdict and reasons. */
    record Item(long id, String name, String organizer, String category, String change, String acceptance,
                String url, String verdict, List<String> reasons) {
    }

    /** One condition in words. */
    record Line(String label, String value) {
    }

    private final SavedSearches searches;
    private final SavedAnswers answers;
    private final MessageSource messages;
    private final Clock clock;

    AlertText(SavedSearches searches, SavedAnswers answers, MessageSource messages, Clock clock) {
        this.searches = searches;
        this.answers = answers;
        this.messages = messages;
        this.clock = clock;
    }

    /** The conditions in words (a search without any: every program). */
    List<Line> conditions(Kind kind, String conditions, LocalDate ageOn, Locale locale) {
        List<Line> lines = new ArrayList<>();
        if (kind == Kind.CHECKER) {
            LocalDate today = JapanTime.today(clock);
            answers.describe(conditions, ageOn, today, locale).forEach(l -> lines.add(new Line(l.label(), l.value())));
            searches.describe(answers.filters(conditions), locale).forEach(f -> lines.add(new Line(
                    msg("alerts.condition." + f.dimension(), locale), f.label())));
        } else {
            searches.describe(conditions, locale).forEach(f -> lines.add(new Line(msg("alerts.condition." + f.dimension(),
                    locale), "ended".equals(f.dimension()) ? msg("alerts.condition.ended.include", locale) : f.label())));
        }
        if (lines.isEmpty()) {
            lines.add(new Line(msg("alerts.condition.all", locale), msg("alerts.condition.all.value", locale)));
        }
        return lines;
    }

    /** Where the person sees the same list now. */
    String listPath(Kind kind, String conditions, LocalDate ageOn) {
        return kind == Kind.CHECKER ? answers.resultsPath(conditions, ageOn, JapanTime.today(clock))
                : searches.listPath(conditions);
    }

    AlertMail.Content confirmation(SubscriptionRows.Row row, String link, String expires, Locale locale) {
        List<String> paragraphs = List.of(msg("alerts.mail.confirm.lead", locale),
                msg("alerts.mail.confirm.expires", locale, expires), msg("alerts.mail.confirm.ignore", locale));
        return content(row, msg("alerts.mail.confirm.subject", locale), paragraphs, List.of(), link,
                msg("alerts.mail.confirm.action", locale), null, locale);
    }

    AlertMail.Content alreadySubscribed(SubscriptionRows.Row row, String manage, Locale locale) {
        return content(row, msg("alerts.mail.already.subscribe", locale), List.of(msg("alerts.mail.already.lead", locale)),
                List.of(), manage, msg("alerts.mail.manage", locale), manage, locale);
    }

    AlertMail.Content renewal(SubscriptionRows.Row row, String manage, Locale locale) {
        return content(row, msg("alerts.mail.renew.subject", locale), List.of(msg("alerts.mail.renew.lead", locale)),
                List.of(), manage, msg("alerts.mail.renew.action", locale), manage, locale);
    }

    AlertMail.Content digest(SubscriptionRows.Row row, List<Item> items, int matched, String manage,
                             UnaryOperator<String> absolute, Locale locale) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(msg(row.kind() == Kind.CHECKER ? "alerts.mail.digest.lead.checker" : "alerts.mail.digest.lead",
                locale, matched));
        if (matched > items.size()) {
            paragraphs.add(msg("alerts.mail.digest.more", locale, items.size(), matched));
        }
        String subject = msg(row.kind() == Kind.CHECKER ? "alerts.mail.digest.subject.checker"
                : "alerts.mail.digest.subject", locale, matched);
        return content(row, subject, paragraphs, items, absolute.apply(listPath(row.kind(), row.conditions(),
                row.ageOn())), msg("alerts.mail.digest.list", locale), manage, locale);
    }

    private AlertMail.Content content(SubscriptionRows.Row row, String subject, List<String> paragraphs,
                                      List<Item> items, String action, String actionLabel, String manage,
                                      Locale locale) {
        List<Line> conditions = conditions(row.kind(), row.conditions(), row.ageOn(), locale);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("subject", subject);
        model.put("paragraphs", paragraphs);
        model.put("items", items);
        model.put("action", action);
        model.put("actionLabel", actionLabel);
        model.put("conditions", conditions);
        model.put("manage", manage);
        model.put("unsubscribe", manage == null ? null : manage.replace("/alerts/manage/", "/alerts/unsubscribe/"));
        model.put("frequency", msg("alerts.frequency." + row.frequency().code(), locale));
        StringBuilder t = new StringBuilder(subject).append("\n\n");
        paragraphs.forEach(p -> t.append(p).append("\n\n"));
        for (Item i : items) {
            t.append("■ ").append(i.name()).append('\n');
            line(t, msg("alerts.item.organizer", locale), i.organizer());
            line(t, msg("alerts.item.category", locale), i.category());
            line(t, msg("alerts.item.change", locale), i.change());
            line(t, msg("alerts.item.acceptance", locale), i.acceptance());
            line(t, msg("alerts.item.verdict", locale), i.verdict());
            i.reasons().forEach(r -> t.append("  ・").append(r).append('\n'));
            t.append("  ").append(i.url()).append("\n\n");
        }
        t.append(actionLabel).append(": ").append(action).append("\n\n----\n");
        t.append(msg("alerts.mail.footer.conditions", locale)).append('\n');
        conditions.forEach(c -> t.append("  ").append(c.label()).append(": ").append(c.value()).append('\n'));
        t.append("  ").append(msg("alerts.frequency", locale)).append(": ").append(model.get("frequency")).append('\n');
        if (manage != null) {
            t.append('\n').append(msg("alerts.mail.manage", locale)).append(": ").append(manage).append('\n');
            t.append(msg("alerts.mail.unsubscribe", locale)).append(": ").append(model.get("unsubscribe")).append('\n');
        }
        t.append('\n').append(msg("alerts.mail.footer.why", locale)).append('\n');
        return new AlertMail.Content(subject, t.toString(), "mail/alert", model);
    }

    private static void line(StringBuilder t, String label, String value) {
        if (value != null && !value.isBlank()) {
            t.append("  ").append(label).append(": ").append(value).append('\n');
        }
    }

    String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
