package jp.tsunagari.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.catalogue.Channel;
import jp.tsunagari.catalogue.Lifecycle;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.place.Places;
import jp.tsunagari.place.Region;
import org.springframework.stereotype.Component;

/** The facet options of the /programs form: value, label, count under the other filters, selected, disabled. */
@Component
class Facets {

    private final CategoryEditor categories;
    private final Places places;

    Facets(CategoryEditor categories, Places places) {
        this.categories = categories;
        this.places = places;
    }

    /** {@code label} is a display name, or a message key when {@code labelIsKey}. */
    record Option(String value, String label, boolean labelIsKey, long count, boolean selected) {
        public boolean disabled() {
            return count == 0 && !selected;
        }
    }

    /** A group of prefecture options under its region. */
    record RegionGroup(Region region, List<Option> options, boolean open) {
    }

    Map<String, List<Option>> options(DiscoveryQuery q, ProgramSearch.Result r, Locale locale) {
        Map<String, List<Option>> all = new LinkedHashMap<>();
        all.put("category", categories.all().stream()
                .map(c -> option(q, r, "category", c.code(), c.name(locale), false)).toList());
        all.put("region", places.regions().stream()
                .map(g -> option(q, r, "region", g.code(), g.name(locale), false)).toList());
        all.put("audience", java.util.Arrays.stream(Audience.values())
                .map(a -> option(q, r, "audience", a.code(), "audience." + a.code(), true)).toList());
        all.put("channel", java.util.Arrays.stream(Channel.values())
                .map(c -> option(q, r, "channel", Codes.channel(c), "channel." + c.name(), true)).toList());
        all.put("status", java.util.Arrays.stream(Lifecycle.values())
                .map(l -> option(q, r, "status", Codes.status(l), "lifecycle." + l.name(), true)).toList());
        all.put("accepting", ProgramDocuments.ACCEPTING.stream()
                .map(a -> option(q, r, "accepting", a.code(), "acceptance." + a.code(), true)).toList());
        all.put("confirmed", List.of(option(q, r, "confirmed", ProgramDocuments.RECENT,
                "programs.filter.confirmed.recent", true)));
        return all;
    }

    List<RegionGroup> prefectures(DiscoveryQuery q, ProgramSearch.Result r, Locale locale) {
        List<RegionGroup> groups = new ArrayList<>();
        places.prefecturesByRegion().forEach((region, prefectures) -> {
            List<Option> options = prefectures.stream()
                    .map(p -> option(q, r, "pref", p.code(), p.name(locale), false)).toList();
            groups.add(new RegionGroup(region, options, options.stream().anyMatch(Option::selected)));
        });
        return groups;
    }

    private static Option option(DiscoveryQuery q, ProgramSearch.Result r, String dimension, String value,
                                 String label, boolean key) {
        return new Option(value, label, key, r.counts().getOrDefault(dimension, Map.of()).getOrDefault(value, 0L),
                q.chosen(dimension).contains(value));
    }
}
