package jp.tsunagari.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.tsunagari.catalogue.internal.IndexedContent;
import jp.tsunagari.catalogue.internal.ProgramContentMapping;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * The structured eligibility of the programs on a page of the checker's results, read from the pages the search
 * index stores ({@link IndexedContent}) — the same index that chose them — after one statement that says which of them
 * are published now, at which version, and their category's names; a program whose copy is of another version (a
 * catch-up under way) is read from the database ({@link SearchSources#rules}), one no longer published is left out.
 */
@Service
public class PublishedRules {

    private final IndexedContent indexed;
    private final SearchSources database;
    private final JdbcTemplate jdbc;

    PublishedRules(IndexedContent indexed, SearchSources database, JdbcTemplate jdbc) {
        this.indexed = indexed;
        this.database = database;
        this.jdbc = jdbc;
    }

    private record Header(long version, String categoryJa, String categoryEn) {
    }

    /** Those of {@code ids} that are published, with their target groups and criteria, in the order given. */
    public List<ProgramRules> rules(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Header> published = published(ids); // unpublished or deleted since the index was written: absent
        Map<Long, Long> versions = new HashMap<>();
        published.forEach((id, h) -> versions.put(id, h.version()));
        Map<Long, IndexedContent.Copy> copies = indexed.of(versions);
        Map<Long, ProgramRules> found = new HashMap<>();
        copies.forEach((id, copy) -> found.put(id, rules(id, copy.content(), published.get(id))));
        List<Long> fromDatabase = ids.stream().filter(id -> published.containsKey(id) && !copies.containsKey(id))
                .toList();
        if (!fromDatabase.isEmpty()) {
            database.rules(fromDatabase).forEach(r -> found.put(r.id(), r));
        }
        return ids.stream().map(found::get).filter(r -> r != null).toList();
    }

    private static ProgramRules rules(long id, ProgramContent c, Header h) {
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
