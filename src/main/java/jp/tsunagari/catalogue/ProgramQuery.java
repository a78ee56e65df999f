package jp.tsunagari.catalogue;

import java.util.Set;
import jp.tsunagari.eligibility.Audience;

/**
 * A validated list query. Values within one facet are alternatives (OR); facets combine (AND).
 * Prefecture and region match a program's organizer or any of its example groups.
 */
public record ProgramQuery(Set<String> categories, Set<String> regions, Set<String> prefectures,
                           Set<Audience> audiences, ProgramSort sort, int page, int size) {

    public static final int DEFAULT_SIZE = 20;

    public ProgramQuery {
        categories = Set.copyOf(categories);
        regions = Set.copyOf(regions);
        prefectures = Set.copyOf(prefectures);
        audiences = Set.copyOf(audiences);
    }

    public static ProgramQuery all() {
        return new ProgramQuery(Set.of(), Set.of(), Set.of(), Set.of(), ProgramSort.SOURCE, 1, DEFAULT_SIZE);
    }

    public ProgramQuery withCategory(String code) {
        return new ProgramQuery(Set.of(code), regions, prefectures, audiences, sort, page, size);
    }



    public ProgramQuery withPage(int newPage, int newSize) {
        return new ProgramQuery(categories, regions, prefectures, audiences, sort, newPage, newSize);
    }

    public int offset() {
        return (page - 1) * size;
    }
}
