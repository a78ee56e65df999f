package jp.tsunagari.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.tsunagari.catalogue.ProgramQuery;
import jp.tsunagari.catalogue.ProgramRanking;
import jp.tsunagari.eligibility.Audience;
import org.springframework.stereotype.Component;

/** The catalogue's lists and counts answered from the search index ({@link ProgramRanking}). */
@Component
class IndexRanking implements ProgramRanking {

    private final ProgramSearch search;

    IndexRanking(ProgramSearch search) {
        this.search = search;
    }

    @Override
    public Ranked rank(ProgramQuery query) {
        Map<String, Set<String>> selected = new LinkedHashMap<>();
        selected.put("category", query.categories());
        selected.put("region", query.regions());
        selected.put("pref", query.prefectures());
        selected.put("audience", query.audiences().stream().map(Audience::code).collect(Collectors.toSet()));
        ProgramSearch.Ranked page = search.rank(new DiscoveryQuery("", selected, query.sort().code(), query.page(),
                query.size()));
        return new Ranked(page.ids(), page.total());
    }

    @Override
    public Map<String, Map<String, Long>> totals() {
        return search.totals();
    }
}
