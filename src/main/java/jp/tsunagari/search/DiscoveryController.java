package jp.tsunagari.search;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.tsunagari.catalogue.CompareLinks;
import jp.tsunagari.catalogue.CompareSelection;
import jp.tsunagari.catalogue.ProgramCard;
import jp.tsunagari.catalogue.ProgramCardLoader;
import jp.tsunagari.needs.UnmetNeeds;
import jp.tsunagari.place.Places;
import jp.tsunagari.place.TileMap;
import jp.tsunagari.system.NotCached;
import jp.tsunagari.system.ResultPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /programs}: one GET form — text, six facets with counts, sort, pages — with the results and a prefecture
 * tile map that respects the other filters. Invalid values answer 400 with an error summary; valid ones still apply.
 * A search whose words find nothing in the whole catalogue (whatever the filters) is counted ({@link UnmetNeeds}) and
 * its answer is kept out of the page cache, so that each such search is counted.
 */
@Controller
class DiscoveryController {

    private final DiscoveryFilters filters;
    private final ProgramSearch search;
    private final ProgramCardLoader cards;
    private final Facets facets;
    private final Places places;
    private final UnmetNeeds needs;

    DiscoveryController(DiscoveryFilters filters, ProgramSearch search, ProgramCardLoader cards, Facets facets, Places places,
                        UnmetNeeds needs) {
        this.filters = filters;
        this.search = search;
        this.cards = cards;
        this.facets = facets;
        this.places = places;
        this.needs = needs;
    }

    /** A result card with the highlighted name and summary. */
    record Hit(ProgramCard card, List<Highlights.Segment> name, List<Highlights.Segment> summary) {
    }

    @GetMapping("/programs")
    String programs(@ModelAttribute("form") DiscoveryFilters.Form form,
                    @RequestParam(name = CompareSelection.PARAMETER, required = false) List<String> compare,
                    Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        DiscoveryFilters.Parsed parsed = filters.parse(form);
        if (!parsed.problems().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        DiscoveryQuery query = parsed.query();
        ProgramSearch.Result result = search.search(query);
        if (query.hasText() && result.total() == 0 && parsed.problems().isEmpty() && foundNowhere(query)) {
            needs.searchFoundNothing(query.text());
            NotCached.mark(request);
        }
        List<Hit> hits = cards.of(result.ids()).stream().map(c -> new Hit(c, Highlights.of(c.name(), result.words()),
                Highlights.of(c.row().summary(), result.words()))).toList();
        DiscoveryLinks links = new DiscoveryLinks(query, CompareSelection.of(compare));
        model.addAttribute("problems", parsed.problems());
        model.addAttribute("query", query);
        model.addAttribute("results", new ResultPage<>(hits, result.total(), query.page(), query.size()));
        model.addAttribute("links", links);
        model.addAttribute("compareLinks", new CompareLinks(CompareSelection.of(compare), links.here()));
        model.addAttribute("feedUrl", links.feed(locale));
        model.addAttribute("facets", facets.options(query, result, locale));
        model.addAttribute("prefectureGroups", facets.prefectures(query, result, locale));
        model.addAttribute("sorts", DiscoveryQuery.SORTS);
        Map<String, Long> prefCounts = result.counts().get("pref");
        model.addAttribute("map", TileMap.of(places.prefectures(), prefCounts, links::addPrefecture, locale));
        return "search/programs";
    }

    /**
     * Whether the words find nothing in the whole catalogue (ended programs too, no filter): only such searches are
     * unmet needs — a search the filters emptied found nothing only because of them.
     */
    private boolean foundNowhere(DiscoveryQuery query) {
        DiscoveryQuery wordsAlone = new DiscoveryQuery(query.text(), Map.of(), "relevance", 1, DiscoveryQuery.SIZE, true);
        return query.equals(wordsAlone) || search.search(wordsAlone).total() == 0;
    }
}
