package jp.tsunagari.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.tsunagari.catalogue.Category;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.catalogue.ProgramCard;
import jp.tsunagari.catalogue.ProgramCardLoader;
import jp.tsunagari.search.Discovery;
import jp.tsunagari.search.DiscoveryFilters;
import org.springframework.stereotype.Component;

/**
 * The figures behind the charts, all counted by the search index as the /programs list and the API count them
 * (programs that have ended left out, as there): the facet counts of one search for everything and of one search per
 * category (its region counts), and the first {@value #TOP} programs by {@code sort=reach}. Work per request: one
 * search per category plus one, and {@value #TOP} cards — not in proportion to the catalogue.
 */
@Component
public class Figures {

    /** How many programs the reach chart looks at: the largest reach first. */
    static final int TOP = 20;

    /** Programs per category; per category and region (a program in several regions counts in each). */
    public record CategoryRegion(List<Category> categories, Map<String, Long> totals, Map<String, Map<String, Long>> cells,
                          long programs) {

        public long cell(String category, String region) {
            return cells.getOrDefault(category, Map.of()).getOrDefault(region, 0L);
        }
    }

    /** A reach figure of one program (its card names the program and its organizer). */
    public record Reach(ProgramCard card, ProgramCard.KeyMetric metric) {
    }

    /** The reach figures that share a label, unit and as-of date, largest first: one axis. */
    public record ReachGroup(String labelJa, String labelEn, String unitJa, LocalDate asOf, List<Reach> items) {
    }

    private final Discovery discovery;
    private final CategoryEditor categories;
    private final ProgramCardLoader cards;

    Figures(Discovery discovery, CategoryEditor categories, ProgramCardLoader cards) {
        this.discovery = discovery;
        this.categories = categories;
        this.cards = cards;
    }

    /** Programs per category and per category × region. */
    CategoryRegion categoryRegion() {
        Discovery.Found all = discovery.page(form(List.of(), null), "1");
        List<Category> list = categories.all();
        Map<String, Long> totals = new LinkedHashMap<>();
        Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
        for (Category c : list) {
            long total = all.counts().getOrDefault("category", Map.of()).getOrDefault(c.code(), 0L);
            totals.put(c.code(), total);
            cells.put(c.code(), total == 0 ? Map.of()
                    : discovery.page(form(List.of(c.code()), null), "1").counts().getOrDefault("region", Map.of()));
        }
        return new CategoryRegion(list, totals, cells, all.total());
    }

    /** Programs per prefecture code (a program counts in each prefecture it concerns, as on the list and map). */
    Map<String, Long> prefectures() {
        return discovery.page(form(List.of(), null), "1").counts().getOrDefault("pref", Map.of());
    }

    /**
     * The first {@value #TOP} programs by reach that have a figure, grouped by the figure's label, unit and as-of date
     * (the largest group first): figures counted on other days or of another kind never share an axis.
     */
    List<ReachGroup> reach() {
        List<Long> ids = discovery.page(form(List.of(), "reach"), Integer.toString(TOP)).ids();
        Map<String, ReachGroup> groups = new LinkedHashMap<>();
        for (ProgramCard card : cards.of(ids)) {
            ProgramCard.KeyMetric m = card.keyMetric();
            if (m == null) {
                continue;
            }
            String key = m.labelJa() + "\u0000" + m.unitJa() + "\u0000" + m.asOf();
            groups.computeIfAbsent(key, k -> new ReachGroup(m.labelJa(), m.labelEn(), m.unitJa(), m.asOf(),
                    new ArrayList<>())).items().add(new Reach(card, m));
        }
        List<ReachGroup> sorted = new ArrayList<>(groups.values());
        sorted.forEach(g -> g.items().sort((a, b) -> Long.compare(b.metric().value(), a.metric().value())));
        sorted.sort((a, b) -> Integer.compare(b.items().size(), a.items().size()));
        return sorted;
    }

    private static DiscoveryFilters.Form form(List<String> category, String sort) {
        return new DiscoveryFilters.Form(null, category, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null, sort, null);
    }
}
