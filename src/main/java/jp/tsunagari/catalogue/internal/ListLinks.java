package jp.tsunagari.catalogue.internal;

import jp.tsunagari.catalogue.CompareSelection;
import jp.tsunagari.catalogue.ProgramQuery;
import jp.tsunagari.catalogue.ProgramSort;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Bookmarkable page links of a category page (its sort order and page number), carrying the programs chosen for a
 * comparison.
 */
public final class ListLinks {

    private final String path;
    private final ProgramQuery query;
    private final CompareSelection selection;

    public ListLinks(String path, ProgramQuery query) {
        this(path, query, CompareSelection.none());
    }

    public ListLinks(String path, ProgramQuery query, CompareSelection selection) {
        this.path = path;
        this.query = query;
        this.selection = selection;
    }

    public String page(int page) {
        return selection.carriedBy(plain(page));
    }

    /** The page's URL without the comparison selection (the base of the cards' compare links). */
    public String plain(int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        if (query.sort() != ProgramSort.SOURCE) {
            b.queryParam("sort", query.sort().code());
        }
        if (page > 1) {
            b.queryParam("page", page);
        }
        return b.encode().build().toUriString();
    }
}
