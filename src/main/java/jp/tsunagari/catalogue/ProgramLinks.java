package jp.tsunagari.catalogue;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The web addresses programs give — official site, application, contact — read straight from the program rows (drafts
 * included; a pending draft's addresses reach the row when it is published). For the link check: pages in id order
 * (keyset, never the whole catalogue at once) and the names and current addresses of a page of programs.
 */
@Service
@Transactional(readOnly = true)
public class ProgramLinks {

    /** Which of a program's addresses. */
    public enum Kind {
        OFFICIAL, APPLY, CONTACT
    }

    /** A program's addresses by kind (only those it gives), with its name. */
    public record Links(long programId, String name, Map<Kind, String> urls) {
    }

    private static final String COLUMNS = "select id, name, official_url, apply_url, contact_url from program";

    private final JdbcTemplate jdbc;

    ProgramLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} programs with an id above {@code afterId} that give at least one address, by id. */
    public List<Links> after(long afterId, int limit) {
        return jdbc.query(COLUMNS + " where id > ? and (official_url is not null or apply_url is not null"
                + " or contact_url is not null) order by id limit ?", (rs, n) -> links(rs), afterId, limit);
    }

    /** The programs of these ids that exist, by id. */
    public Map<Long, Links> of(Collection<Long> ids) {
        Map<Long, Links> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        Long[] array = ids.toArray(Long[]::new);
        jdbc.query((Connection connection) -> {
            PreparedStatement statement = connection.prepareStatement(COLUMNS + " where id = any (?)");
            Array values = connection.createArrayOf("BIGINT", array);
            statement.setArray(1, values);
            return statement;
        }, (ResultSet rs) -> {
            Links links = links(rs);
            result.put(links.programId(), links);
        });
        return result;
    }

    private static Links links(ResultSet rs) throws SQLException {
        Map<Kind, String> urls = new EnumMap<>(Kind.class);
        put(urls, Kind.OFFICIAL, rs.getString("official_url"));
        put(urls, Kind.APPLY, rs.getString("apply_url"));
        put(urls, Kind.CONTACT, rs.getString("contact_url"));
        return new Links(rs.getLong("id"), rs.getString("name"), urls);
    }

    private static void put(Map<Kind, String> urls, Kind kind, String url) {
        if (url != null && !url.isBlank()) {
            urls.put(kind, url.strip());
        }
    }
}
