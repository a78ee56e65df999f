package jp.tsunagari.opendata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import jp.tsunagari.catalogue.FieldChange;
import jp.tsunagari.catalogue.PublicHistory;
import jp.tsunagari.search.Discovery;
import jp.tsunagari.search.DiscoveryFilters;
import jp.tsunagari.system.PublicUrls;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code /programs.atom}: an Atom 1.0 feed of the published programs that match the /programs filters, the
 * {@value Discovery#FEED_SIZE} newly listed or changed most recently, newest first (the search index's publication
 * time). Each entry says whether the program is new or changed, and what changed in words. Invalid parameters answer
 * 400 with a problem document, like the CSV. The feed's time is its newest entry's (never the clock), so the same
 * catalogue gives the same bytes: the page cache keeps it and empties it on every change. Its id and its entries' ids
 * are {@code tag:} URIs ({@link FeedIds}) of the canonical parameters and the language, never of the request's host;
 * its self and alternate links are locations ({@link PublicUrls}: the configured base URL, else the request's).
 */
@Controller
class ProgramFeed {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final Discovery discovery;
    private final PublicHistory history;
    private final ApiProblem problems;
    private final PublicUrls urls;
    private final FeedIds ids;
    private final MessageSource messages;

    ProgramFeed(Discovery discovery, PublicHistory history, ApiProblem problems, PublicUrls urls, FeedIds ids,
                MessageSource messages) {
        this.discovery = discovery;
        this.history = history;
        this.problems = problems;
        this.urls = urls;
        this.ids = ids;
        this.messages = messages;
    }

    @GetMapping("/programs.atom")
    ResponseEntity<?> feed(@ModelAttribute DiscoveryFilters.Form form, Locale locale) throws XMLStreamException {
        Discovery.Latest latest = discovery.latest(form, locale);
        if (!latest.problems().isEmpty()) {
            return problems.invalid(latest.problems().stream().map(p -> new ApiProblem.FieldError(p.field(), p.value(),
                    problems.message(p.messageKey(), p.value()))).toList());
        }
        List<PublicHistory.Update> updates = history.updates(latest.ids());
        List<AtomFeed.Entry> entries = updates.stream().map(u -> entry(u, locale)).toList();
        Instant updated = updates.stream().map(PublicHistory.Update::updated).max(Comparator.naturalOrder())
                .orElse(latest.newest() == null ? Instant.EPOCH : latest.newest());
        AtomFeed.Head head = new AtomFeed.Head(ids.of(latest.feedPath()), title(latest.filters(), locale),
                msg(locale, "feed.subtitle", Discovery.FEED_SIZE), english(locale) ? "en" : "ja", updated,
                urls.absolute(latest.feedPath()), urls.absolute(latest.listPath()),
                msg(locale, "program.maintainer.office"));
        return ResponseEntity.ok().contentType(ATOM).body(AtomFeed.write(head, entries));
    }

    private AtomFeed.Entry entry(PublicHistory.Update u, Locale locale) {
        String page = "/programs/" + u.id() + (english(locale) ? "?lang=en" : "");
        String categoryName = english(locale) ? u.categoryNameEn() : u.categoryNameJa();
        String kind = u.changed() ? "changed" : "new";
        String content = !u.changed() ? msg(locale, "feed.entry.new")
                : u.latest().changes().isEmpty() ? msg(locale, "feed.entry.changed")
                : msg(locale, "feed.entry.changedWith", words(u.latest().changes(), locale));
        List<AtomFeed.Category> categories = List.of(
                new AtomFeed.Category(u.categoryCode(), ids.of("/categories"), categoryName),
                new AtomFeed.Category(kind, ids.of("/changes"), msg(locale, "feed.entry." + kind)));
        return new AtomFeed.Entry(ids.of(page), u.name(), u.updated(), u.published(), urls.absolute(page),
                u.summary(), content, categories);
    }

    /** The feed's language: its URL's {@code lang} alone ({@code system.UrlLanguage}), Japanese without one. */
    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    private String title(List<Discovery.Filter> filters, Locale locale) {
        if (filters.isEmpty()) {
            return msg(locale, "feed.title");
        }
        List<String> parts = new ArrayList<>();
        filters.forEach(f -> parts.add(msg(locale, "feed.filter", msg(locale, "search.dimension." + f.dimension()),
                f.label())));
        return msg(locale, "feed.title.filtered", String.join(msg(locale, "feed.filter.separator"), parts));
    }

    private String words(List<FieldChange> changes, Locale locale) {
        return String.join(msg(locale, "feed.filter.separator"), changes.stream()
                .map(c -> msg(locale, c.messageKey(), msg(locale, c.fieldKey()))).toList());
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
