package jp.tsunagari.catalogue.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jp.tsunagari.catalogue.Acceptance;
import jp.tsunagari.catalogue.Freshness;
import jp.tsunagari.catalogue.Lifecycle;
import jp.tsunagari.catalogue.ProgramCard;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramQuery;
import jp.tsunagari.catalogue.ProgramRanking;
import jp.tsunagari.eligibility.Applicant;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.system.JapanTime;
import jp.tsunagari.system.ResultPage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds published programs for list pages: the order, the total and the counts come from the search index
 * ({@link ProgramRanking}); the cards of a page are a plain JDBC read model (no entities, constant SQL texts with the
 * page's ids as one array parameter, so every statement is prepared the same way whatever the page): one row query,
 * and one query each for audiences, key metrics, example places and key eligibility. A page costs a fixed number of
 * statements whatever the catalogue's size.
 */
@Component
@Transactional(readOnly = true)
public class ProgramFinder {

    private static final String ROWS = "select p.id, p.name, c.code, c.name_ja, c.name_en, op.code, op.name_ja,"
            + " op.name_en, om.lg_code, om.name_ja, om.name_en, p.start_year, p.start_month, p.event_year,"
            + " p.event_month, p.summary, p.lifecycle, p.end_year, p.end_month, p.assured_on from program p"
            + " join category c on c.code = p.category_code"
            + " left join prefecture op on op.code = p.organizer_prefecture_code"
            + " left join municipality om on om.lg_code = p.organizer_municipality_code"
            + " where p.status = 'PUBLISHED' and p.id = any (?)";
    private static final String AUDIENCES = "select program_id, audience from program_audience where program_id = any (?)";
    private static final String METRICS = "select program_id, label_ja, label_en, metric_value, unit_ja, as_of"
            + " from reach_metric where program_id = any (?) order by position desc";
    private static final String PLACES = "select e.program_id, pr.code, pr.name_ja, pr.name_en from example_group e"
            + " join prefecture pr on pr.code = e.prefecture_code where e.program_id = any (?) order by e.position";
    private static final String PERIODS = "select program_id, starts_on, ends_on, yearly from program_application_period"
            + " where program_id = any (?) order by program_id, position";
    private static final String KEY_ELIGIBILITY = "select g.program_id, c.type, c.min_age, c.max_age, c.applicants"
            + " from target_group g join criterion c on c.target_group_id = g.id"
            + " where g.program_id = any (?) and c.strength = 'HARD' and c.type in ('AGE', 'APPLICANT')"
            + " order by g.program_id, g.position, c.position";

    private final JdbcTemplate jdbc;
    private final ProgramRanking ranking;
    private final Clock clock;
    private final Freshness freshness;

    ProgramFinder(JdbcTemplate jdbc, ProgramRanking ranking, Clock clock, Freshness freshness) {
        this.freshness = freshness;
        this.jdbc = jdbc;
        this.ranking = ranking;
        this.clock = clock;
    }

    /** A page of a list: ranked by the search index, the cards read for that page only. */
    public ResultPage<ProgramCard> find(ProgramQuery query) {
        ProgramRanking.Ranked ranked = ranking.rank(query);
        return new ResultPage<>(cardsInOrder(ranked.ids()), ranked.total(), query.page(), query.size());
    }

    /** Cards of the given published programs in the order given (an id no longer published is left out). */
    public List<ProgramCard> cardsInOrder(List<Long> ids) {
        Map<Long, ProgramCard> byId = new HashMap<>();
        cardsByIds(ids).forEach(c -> byId.put(c.id(), c));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** Cards of the given published programs (any order; the caller orders them). */
    List<ProgramCard> cardsByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Long[] array = ids.toArray(Long[]::new);
        List<ProgramCard.Row> rows = new ArrayList<>();
        query(ROWS, array, rs -> rows.add(row(rs)));
        Map<Long, List<ProgramContent.Period>> periods = new HashMap<>();
        query(PERIODS, array, rs -> periods.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(new ProgramContent.Period(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getBoolean(4))));
        LocalDate today = JapanTime.today(clock);
        Map<Long, Set<Audience>> audiences = new HashMap<>();
        query(AUDIENCES, array, rs -> audiences.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Audience.class))
                .add(Audience.valueOf(rs.getString(2))));
        Map<Long, ProgramCard.KeyMetric> metrics = new HashMap<>();
        query(METRICS, array, rs -> metrics.put(rs.getLong(1), new ProgramCard.KeyMetric(rs.getString(2),
                rs.getString(3), rs.getLong(4), rs.getString(5), rs.getObject(6, java.time.LocalDate.class))));
        Map<Long, List<ProgramCard.Place>> places = new LinkedHashMap<>();
        query(PLACES, array, rs -> places.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(new ProgramCard.Place(rs.getString(2), rs.getString(3), rs.getString(4))));
        Map<Long, ProgramCard.KeyEligibility> eligibility = keyEligibility(array);
        return rows.stream().map(row -> new ProgramCard(row,
                audiences.getOrDefault(row.id(), Set.of()), metrics.get(row.id()),
                places.getOrDefault(row.id(), List.of()),
                eligibility.getOrDefault(row.id(), ProgramCard.KeyEligibility.NONE),
                Acceptance.of(row.lifecycle(), new ProgramContent.Schedule(row.endYear(), row.endMonth(),
                        periods.get(row.id())), today), freshness.unconfirmedSince(row.assuredOn()))).toList();
    }

    private static ProgramCard.Row row(ResultSet rs) throws SQLException {
        return new ProgramCard.Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getObject(12, Integer.class), rs.getObject(13, Integer.class), rs.getObject(14, Integer.class),
                rs.getObject(15, Integer.class), rs.getString(16), Lifecycle.valueOf(rs.getString(17)),
                rs.getObject(18, Integer.class), rs.getObject(19, Integer.class), rs.getObject(20, LocalDate.class));
    }

    private Map<Long, ProgramCard.KeyEligibility> keyEligibility(Long[] ids) {
        Map<Long, Set<String>> ages = new HashMap<>();
        Map<Long, Set<Applicant>> applicants = new HashMap<>();
        query(KEY_ELIGIBILITY, ids, rs -> {
            long id = rs.getLong(1);
            if ("AGE".equals(rs.getString(2))) {
                ages.computeIfAbsent(id, k -> new LinkedHashSet<>())
                        .add(ProgramCard.KeyEligibility.range(rs.getObject(3, Integer.class), rs.getObject(4, Integer.class)));
            } else if (rs.getString(5) != null) {
                Set<Applicant> who = applicants.computeIfAbsent(id, k -> EnumSet.noneOf(Applicant.class));
                for (String code : rs.getString(5).split(",")) {
                    Applicant.fromCode(code.strip()).ifPresent(who::add);
                }
            }
        });
        Map<Long, ProgramCard.KeyEligibility> result = new HashMap<>();
        for (Long id : ids) {
            if (ages.containsKey(id) || applicants.containsKey(id)) {
                result.put(id, new ProgramCard.KeyEligibility(List.copyOf(ages.getOrDefault(id, Set.of())),
                        applicants.getOrDefault(id, Set.of())));
            }
        }
        return result;
    }

    /** Runs one of the constant statements with the ids as its array parameter ({@code = any (?)}). */
    private void query(String sql, Long[] ids, RowCallbackHandler each) {
        jdbc.query((Connection connection) -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            Array array = connection.createArrayOf("BIGINT", ids);
            statement.setArray(1, array);
            return statement;
        }, each);
    }

    /** Published programs per category code. */
    Map<String, Long> countByCategory() {
        return ranking.totals().getOrDefault("category", Map.of());
    }

    /**
     * Published programs per prefecture code, counting a program once per prefecture whether it is there as organizer,
     * through an example group, or both. Equals the total of the list filtered by that prefecture.
     */
    public Map<String, Long> countByPrefecture() {
        return ranking.totals().getOrDefault("pref", Map.of());
    }

    /** Published programs per region code, counted once per region (organizer or example groups). */
    public Map<String, Long> countByRegion() {
        return ranking.totals().getOrDefault("region", Map.of());
    }
}
