package jp.tsunagari.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import jp.tsunagari.system.Localized;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Builds the bookmarkable URLs of a list page from the valid query: pagination links and "remove this filter"
 * links, every one a plain GET URL so that the page works without JavaScript.
 */
public final class ListLinks {

    private final String path;
    private final ProgramQuery query;
    private final boolean pathHasCategory;
    private final BiFunction<String, String, Localized> names;

    /**
     * @param names the display name of a filter value, by field and value ({@code null} for audience tags,
     *              whose names come from the messages)
     */
    ListLinks(String path, ProgramQuery query, boolean pathHasCategory, BiFunction<String, String, Localized> names) {
        this.path = path;
        this.query = query;
        this.pathHasCategory = pathHasCategory;
        this.names = names;
    }

    /** An applied filter as a link that removes it; {@code name} is null for audience tags. */
    public record Applied(String field, String value, String url, Localized name) {
    }

    public String page(int page) {
        return build(query.withPage(page, query.size()), null, null);
    }

    public List<Applied> applied() {
        List<Applied> applied = new ArrayList<>();
        if (!pathHasCategory) {
            query.categories().stream().sorted().forEach(v -> applied.add(applied("category", v)));
        }
        query.regions().stream().sorted().forEach(v -> applied.add(applied("region", v)));
        query.prefectures().stream().sorted().forEach(v -> applied.add(applied("pref", v)));
        query.audiences().stream().sorted().forEach(v -> applied.add(new Applied("audience", v.code(), build(query, "audience", v.code()), null)));
        return applied;
    }

    private Applied applied(String field, String value) {
        return new Applied(field, value, build(query, field, value), names.apply(field, value));
    }

    private String build(ProgramQuery q, String removeField, String removeValue) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        Map<String, Function<ProgramQuery, List<String>>> fields = new java.util.LinkedHashMap<>();
        if (!pathHasCategory) {
            fields.put("category", x -> x.categories().stream().sorted().toList());
        }
        fields.put("region", x -> x.regions().stream().sorted().toList());
        fields.put("pref", x -> x.prefectures().stream().sorted().toList());
        fields.put("audience", x -> x.audiences().stream().sorted().map(a -> a.code()).toList());
        fields.forEach((name, values) -> values.apply(q).stream()
                .filter(v -> !(name.equals(removeField) && v.equals(removeValue)))
                .forEach(v -> b.queryParam(name, v)));
        if (q.sort() != ProgramSort.SOURCE) {
            b.queryParam("sort", q.sort().code());
        }
        if (removeField == null && q.page() > 1) {
            b.queryParam("page", q.page());
        }
        return b.encode().build().toUriString();
    }
}
