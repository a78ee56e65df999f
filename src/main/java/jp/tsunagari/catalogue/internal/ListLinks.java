package jp.tsunagari.catalogue.internal;

import jp.tsunagari.catalogue.ProgramQuery;
import jp.tsunagari.catalogue.ProgramSort;
import org.springframework.web.util.UriComponentsBuilder;

/** Bookmarkable page links of a category page (its sort order and page number). */
public final class ListLinks {

    private final String path;
    private final ProgramQuery query;

    public ListLinks(String path, ProgramQuery query) {
        this.path = path;
        this.query = query;
    }

    public String page(int page) {
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
