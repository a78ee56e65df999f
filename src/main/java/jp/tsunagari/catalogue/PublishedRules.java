package jp.tsunagari.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.tsunagari.catalogue.internal.ProgramContentMapping;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The structured eligibility of the programs on a page of the checker's results, read from the pages the search
 * index stores ({@link IndexedPages}) — the same index that chose them — with one statement for the category names;
 * those the index does not hold (a catch-up under way) are read from the database ({@link SearchSources#rules}).
 */
@Service
public class PublishedRules {

    private final IndexedPages indexed;
    private final SearchSources database;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    PublishedRules(IndexedPages indexed, SearchSources database, JdbcTemplate jdbc, JsonMapper json) {
        this.indexed = indexed;
        this.database = database;
        this.jdbc = jdbc;
        this.json = json;
    }

    private record CategoryName(String ja, String en) {
    }

    /** Those of {@code ids} that are published, with their target groups and criteria, in the order given. */
    public List<ProgramRules> rules(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, SearchSource.Page> pages = indexed.pages(ids);
        Map<Long, ProgramRules> found = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        Map<String, CategoryName> names = pages.isEmpty() ? Map.of() : categoryNames();
        for (Long id : ids) {
            ProgramRules r = pages.containsKey(id) ? fromPage(id, pages.get(id), names) : null;
            if (r != null) {
                found.put(id, r);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            database.rules(missing).forEach(r -> found.put(r.id(), r));
        }
        return ids.stream().map(found::get).filter(r -> r != null).toList();
    }

    private ProgramRules fromPage(long id, SearchSource.Page page, Map<String, CategoryName> names) {
        ProgramContent c;
        try {
            c = json.readValue(page.json(), ProgramContent.class);
        } catch (JacksonException e) {
            return null;
        }
        CategoryName category = names.get(c.categoryCode());
        if (category == null) {
            return null;
        }
        return new ProgramRules(id, c.name(), c.categoryCode(), category.ja(), category.en(),
                ProgramContentMapping.groups(c), c.lifecycle(), c.schedule());
    }

    /** The five categories' names: one plain statement (staff may rename them at any time). */
    private Map<String, CategoryName> categoryNames() {
        Map<String, CategoryName> names = new HashMap<>();
        jdbc.query("select code, name_ja, name_en from category",
                rs -> { names.put(rs.getString(1), new CategoryName(rs.getString(2), rs.getString(3))); });
        return names;
    }
}
