package jp.tsunagari.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import jp.tsunagari.catalogue.CompareSelection;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Bookmarkable /programs URLs for a query: pages, removing one filter, adding a prefecture (the tile map). The list's
 * own links carry the programs chosen for a comparison ({@code compare}); the files, feed and alert links do not.
 */
final class DiscoveryLinks {

    private final DiscoveryQuery query;
    private final CompareSelection selection;

    DiscoveryLinks(DiscoveryQuery query) {
        this(query, CompareSelection.none());
    }

    DiscoveryLinks(DiscoveryQuery query, CompareSelection selection) {
        this.query = query;
        this.selection = selection;
    }

    /** This page (its text, filters, sort and page) without the comparison selection: the base of the card links. */
    public String here() {
        return build(query, null, null, null, "/programs");
    }

    /** An applied filter and the URL without it. */
    public record Applied(String dimension, String value, String url) {
    }

    public String page(int page) {
        return build(query.withPage(page), null, null, null);
    }

    public String addPrefecture(String code) {
        return build(query.withPage(1), null, null, code);
    }

    /** Every result of this query (all pages) as a file: {@code csv} (optionally with a BOM for Excel) or {@code json}. */
    public String download(String extension, boolean bom) {
        String url = build(query.withPage(1), null, null, null, "/programs." + extension);
        return bom ? url + (url.contains("?") ? "&" : "?") + "bom=true" : url;
    }

    /**
     * The Atom feed of the same text and filters ({@code ended=include} too) in the page's language: no sort, no page
     * (a feed is always newest first), the parameters in one order, {@code lang=en} last for English (a feed's
     * language is its URL's alone, docs/open-data.md).
     */
    public String feed(Locale locale) {
        return inLanguage(build(unsorted(), null, null, null, "/programs.atom"), locale);
    }

    /** The e-mail alert form for the same text and filters ({@code ended=include} too). */
    public String alerts() {
        return build(unsorted(), null, null, null, "/alerts/new");
    }

    /** This list with the same text and filters, without sort or page, in the language given (the feed's page). */
    public String list(Locale locale) {
        return inLanguage(build(unsorted(), null, null, null, "/programs"), locale);
    }

    private static String inLanguage(String url, Locale locale) {
        return "en".equals(locale.getLanguage()) ? url + (url.contains("?") ? "&" : "?") + "lang=en" : url;
    }

    private DiscoveryQuery unsorted() {
        return new DiscoveryQuery(query.text(), query.selected(), "relevance", 1, query.size(), query.includeEnded());
    }

    public List<Applied> applied() {
        List<Applied> applied = new ArrayList<>();
        if (query.hasText()) {
            applied.add(new Applied("q", query.text(), build(query.withPage(1), "q", null, null)));
        }
        for (String dimension : ProgramDocuments.DIMENSIONS) {
            for (String value : new TreeSet<>(query.chosen(dimension))) {
                applied.add(new Applied(dimension, value, build(query.withPage(1), dimension, value, null)));
            }
        }
        return applied;
    }

    private String build(DiscoveryQuery q, String removeDimension, String removeValue, String addPref) {
        return selection.carriedBy(build(q, removeDimension, removeValue, addPref, "/programs"));
    }

    private static String build(DiscoveryQuery q, String removeDimension, String removeValue, String addPref,
                                String path) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        if (q.hasText() && !"q".equals(removeDimension)) {
            b.queryParam("q", q.text());
        }
        for (String dimension : ProgramDocuments.DIMENSIONS) {
            Set<String> values = new TreeSet<>(q.chosen(dimension));
            if ("pref".equals(dimension) && addPref != null) {
                values.add(addPref);
            }
            values.stream().filter(v -> !(dimension.equals(removeDimension) && v.equals(removeValue)))
                    .forEach(v -> b.queryParam(dimension, v));
        }
        if (q.includeEnded()) {
            b.queryParam("ended", DiscoveryFilters.INCLUDE);
        }
        if (!"relevance".equals(q.sort())) {
            b.queryParam("sort", q.sort());
        }
        if (q.page() > 1) {
            b.queryParam("page", q.page());
        }
        return b.encode().build().toUriString();
    }
}
