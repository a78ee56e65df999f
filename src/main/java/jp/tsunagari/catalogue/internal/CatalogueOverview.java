package jp.tsunagari.catalogue.internal;

import java.util.List;
import java.util.Map;
import jp.tsunagari.catalogue.Category;
import jp.tsunagari.catalogue.SourceDocument;
import jp.tsunagari.place.Places;
import jp.tsunagari.place.Prefecture;
import jp.tsunagari.place.Region;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts and lists for the entry pages: categories, regions and prefectures with their numbers of programs. */
@Component
@Transactional(readOnly = true)
public class CatalogueOverview {

    private final Categories categories;
    private final SourceDocuments sources;
    private final ProgramFinder finder;
    private final Places places;

    CatalogueOverview(Categories categories, SourceDocuments sources, ProgramFinder finder, Places places) {
        this.categories = categories;
        this.sources = sources;
        this.finder = finder;
        this.places = places;
    }

    record Counted<T>(T item, long count) {
    }

    record RegionGroup(Region region, long count, List<Counted<Prefecture>> prefectures) {
    }

    public SourceDocument source() {
        return sources.findById(1).map(SourceDocumentEntity::value).orElse(null);
    }

    public List<Counted<Category>> categoriesWithCounts() {
        Map<String, Long> counts = finder.countByCategory();
        return categories.findAllByOrderByNumber().stream().map(CategoryEntity::value)
                .map(c -> new Counted<>(c, counts.getOrDefault(c.code(), 0L))).toList();
    }

    public List<Counted<Region>> regionsWithCounts() {
        Map<String, Long> counts = finder.countByRegion();
        return places.regions().stream().map(r -> new Counted<>(r, counts.getOrDefault(r.code(), 0L))).toList();
    }

    public List<RegionGroup> prefecturesByRegion() {
        Map<String, Long> prefCounts = finder.countByPrefecture();
        Map<String, Long> regionCounts = finder.countByRegion();
        return places.prefecturesByRegion().entrySet().stream()
                .map(e -> new RegionGroup(e.getKey(), regionCounts.getOrDefault(e.getKey().code(), 0L),
                        e.getValue().stream().map(p -> new Counted<>(p, prefCounts.getOrDefault(p.code(), 0L))).toList()))
                .toList();
    }
}
