package jp.tsunagari.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.tsunagari.catalogue.internal.ProgramContentMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The structured eligibility of the programs on a page of the checker's results, read from the pages the search
 * index stores ({@link IndexedPages}) — the same index that chose them — after one statement that says which of them
 * are published now, at which version, and their category's names; a program whose copy is of another version (a
 * catch-up under way) is read from the database ({@link SearchSources#rules}), one no longer published is left out.
 */
@Service
public class PublishedRules {

    private static final Logger log = LoggerFactory.getLogger(PublishedRules.class);

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

    private record Header(long version, String categoryJa, String categoryEn) {
    }

    /** Those of {@code ids} that are published, with their target groups and criteria, in the order given. */
    public List<ProgramRules> rules(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, SearchSource.Page> pages = indexed.pages(ids);
        Map<Long, Header> published = published(ids);
        Map<Long, ProgramRules> found = new HashMap<>();
        List<Long> fromDatabase = new ArrayList<>();
        for (Long id : ids) {
            Header h = published.get(id);
            if (h == null) {
                continue; // unpublished or deleted since the index was written
            }
            SearchSource.Page page = pages.get(id);
            ProgramRules r = page != null && page.version() == h.version() ? fromPage(id, page, h) : null;
            if (r != null) {
                found.put(id, r);
            } else {
                fromDatabase.add(id);
            }
        }
        if (!fromDatabase.isEmpty()) {
            database.rules(fromDatabase).forEach(r -> found.put(r.id(), r));
        }
        return ids.stream().map(found::get).filter(r -> r != null).toList();
    }

    private ProgramRules fromPage(long id, SearchSource.Page page, Header h) {
        ProgramContent c;
        try {
            c = json.readValue(page.json(), ProgramContent.class);
        } catch (JacksonException e) {
            log.warn("The index's copy of program {} version {} could not be read ({}); reading the database",
                    id, page.version(), e.getOriginalMessage());
            return null;
        }
        return new ProgramRules(id, c.name(), c.categoryCode(), h.categoryJa(), h.categoryEn(),
                ProgramContentMapping.groups(c), c.lifecycle(), c.schedule());
    }

    /** Which of {@code ids} are published now, at which version, with their category's names: one statement. */
    private Map<Long, Header> published(List<Long> ids) {
        Map<Long, Header> headers = new HashMap<>();
        jdbc.query((Connection connection) -> {
            PreparedStatement statement = connection.prepareStatement("select p.id, p.version, c.name_ja, c.name_en"
                    + " from program p join category c on c.code = p.category_code"
                    + " where p.status = 'PUBLISHED' and p.id = any (?)");
            statement.setArray(1, connection.createArrayOf("BIGINT", ids.toArray(Long[]::new)));
            return statement;
        }, (RowCallbackHandler) rs -> {
            headers.put(rs.getLong(1), new Header(rs.getLong(2), rs.getString(3), rs.getString(4)));
        });
        return headers;
    }
}
