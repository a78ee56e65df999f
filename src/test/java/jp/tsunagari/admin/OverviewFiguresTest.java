package jp.tsunagari.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.tsunagari.catalogue.FollowUpCounts;
import jp.tsunagari.catalogue.Freshness;
import jp.tsunagari.system.ChangeMarker;
import jp.tsunagari.system.JapanTime;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The overview's figures on a synthetic catalogue of 500 programs (its own in-memory database), made varied first:
 * 最終確認日 across every band and on each band's boundary day, reviews of every age, reconfirmation requests, broken
 * links, and a program moved to a designated-city ward whose city had none. Every figure of the page — for the
 * office, for a prefecture and for a municipality — is compared with a count written directly in SQL (the scope rule
 * spelled out again here, not taken from the code under test); the page's tables show the model's figures, and each
 * CSV file holds its table's rows.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:overview;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "catalogue.synthetic.programs=500"})
@ActiveProfiles("synthetic")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewFiguresTest {

    static final String BROKEN = "('BROKEN', 'REDIRECT_LOOP', 'TIMEOUT', 'UNREACHABLE', 'INVALID', 'PRIVATE_ADDRESS')";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Freshness freshness;

    @Autowired
    ChangeMarker marker;

    @Autowired
    FollowUpCounts counts;

    @Autowired
    TransactionTemplate tx;

    /** The prefecture (2 digits) with the most example groups, and the municipality organizing the most programs. */
    String prefecture;
    String municipality;
    /** The city that had no program until one moved to its ward. */
    String wardCity;

    @BeforeAll
    void varied() {
        OverviewVariety variety = new OverviewVariety(jdbc, clock);
        prefecture = jdbc.queryForObject("select prefecture_code from example_group group by prefecture_code"
                + " order by count(*) desc, prefecture_code limit 1", String.class);
        municipality = jdbc.queryForObject("select organizer_municipality_code from program where status = 'PUBLISHED'"
                + " and organizer_municipality_code is not null group by organizer_municipality_code"
                + " order by count(*) desc, organizer_municipality_code limit 1", String.class);
        variety.assuredAcrossBands();
        variety.reviews(List.of(municipality, prefectureLgCode(), "011002"));
        variety.reconfirmations();
        variety.links(municipality);
        String[] moved = variety.programToAWardOfACityWithout(municipality);
        wardCity = moved[1];
        tx.executeWithoutResult(s -> marker.bump(Long.parseLong(moved[0])));
    }

    String prefectureLgCode() {
        return jdbc.queryForObject("select lg_code from prefecture where code = ?", String.class, prefecture);
    }

    static RequestPostProcessor office() {
        return user("overview-office").roles("EDITOR");
    }

    static RequestPostProcessor organization(String code) {
        return user("overview-org").authorities(new SimpleGrantedAuthority("ROLE_ORG_EDITOR"),
                new SimpleGrantedAuthority("ORG_" + code));
    }

    MvcResult page(RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/admin/overview").with(who)).andExpect(status().isOk()).andReturn();
    }

    /** The condition on program {@code p} that it is maintained by the organization (null: every program). */
    String maintained(String organization) {
        if (organization == null) {
            return "1 = 1";
        }
        if (organization.startsWith("000", 2)) {
            String two = organization.substring(0, 2);
            return "((p.organizer_municipality_code is null and p.organizer_prefecture_code = '" + two + "')"
                    + " or exists (select 1 from example_group e where e.program_id = p.id and e.prefecture_code = '"
                    + two + "'))";
        }
        return "p.organizer_municipality_code = '" + organization + "'";
    }

    long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    @Test
    void theOfficesFiguresAreTheDirectCounts() throws Exception {
        MvcResult r = page(office());
        checkCoverage((CoverageTable) r.getModelAndView().getModel().get("coverage"), null);
        checkFollowUp((FollowUp) r.getModelAndView().getModel().get("followUp"), null);
        checkGaps((MunicipalityGaps) r.getModelAndView().getModel().get("gaps"));
        // An organization's bands with more programs than are read by key: one pass over the index range.
        List<Long> all = jdbc.queryForList("select id from program", Long.class);
        assertThat(all).hasSizeGreaterThan(500);
        assertThat(counts.bands(all)).isEqualTo(counts.bands(null));
        OverviewPageTables.assertPageShows(Jsoup.parse(r.getResponse().getContentAsString(StandardCharsets.UTF_8)),
                r.getModelAndView().getModel());
    }

    @Test
    void anOrganizationsFiguresAreTheDirectCountsOfItsPrograms() throws Exception {
        for (String organization : List.of(prefectureLgCode(), municipality)) {
            MvcResult r = page(organization(organization));
            Map<String, Object> model = r.getModelAndView().getModel();
            CoverageTable coverage = (CoverageTable) model.get("coverage");
            assertThat(coverage.totals().total()).as(organization).isPositive()
                    .isLessThan(count("select count(*) from program where status = 'PUBLISHED'"));
            checkCoverage(coverage, organization);
            checkFollowUp((FollowUp) model.get("followUp"), organization);
            assertThat(model.get("gaps")).isNull();
            Document html = Jsoup.parse(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(html.getElementById("gaps")).isNull();
            assertThat(html.select("a[href$=municipalities.csv]")).isEmpty();
            OverviewPageTables.assertPageShows(html, model);
        }
    }

    void checkCoverage(CoverageTable t, String organization) {
        String scope = maintained(organization);
        Map<String, Long> cells = new HashMap<>();
        jdbc.query("select x.pref, p.category_code, count(*) from program p join (select id, organizer_prefecture_code"
                + " pref from program where organizer_prefecture_code is not null union select program_id, prefecture_code"
                + " from example_group) x on x.id = p.id where p.status = 'PUBLISHED' and " + scope
                + " group by x.pref, p.category_code", rs -> {
            cells.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
        });
        for (CoverageTable.Row row : t.rows()) {
            for (int c = 0; c < t.columns().size(); c++) {
                assertThat(row.cells().get(c).count()).as(row.name() + " " + t.columns().get(c).name())
                        .isEqualTo(cells.getOrDefault(row.code() + "/" + t.columns().get(c).code(), 0L));
            }
            assertThat(row.total()).as(row.name()).isEqualTo(count("select count(*) from program p where p.status ="
                    + " 'PUBLISHED' and " + scope + " and (p.organizer_prefecture_code = ? or exists (select 1 from"
                    + " example_group g where g.program_id = p.id and g.prefecture_code = ?))", row.code(), row.code()));
        }
        for (int c = 0; c < t.columns().size(); c++) {
            String category = t.columns().get(c).code();
            assertThat(t.totals().cells().get(c).count()).as(category).isEqualTo(count("select count(*) from program p"
                    + " where p.status = 'PUBLISHED' and p.category_code = ? and " + scope, category));
            assertThat(t.withoutPrefecture().cells().get(c).count()).as(category).isEqualTo(count("select count(*) from"
                    + " program p where p.status = 'PUBLISHED' and p.category_code = ? and " + scope
                    + " and p.organizer_prefecture_code is null and not exists (select 1 from example_group g"
                    + " where g.program_id = p.id)", category));
        }
        assertThat(t.totals().total()).isEqualTo(count("select count(*) from program p where p.status = 'PUBLISHED'"
                + " and " + scope));
        assertThat(t.rows().stream().mapToLong(CoverageTable.Row::total).sum()).as("some prefecture counted")
                .isPositive();
    }

    void checkFollowUp(FollowUp f, String organization) {
        String scope = maintained(organization);
        LocalDate today = JapanTime.today(clock);
        String published = "select count(*) from program p where p.status = 'PUBLISHED' and " + scope;
        long recent = count(published + " and p.assured_on > ?", today.minusMonths(6));
        long year = count(published + " and p.assured_on > ?", today.minusMonths(12));
        long notice = count(published + " and p.assured_on > ?", today.minusMonths(15));
        long all = count(published);
        assertThat(f.bandRows()).extracting(FollowUp.Band::count)
                .containsExactly(recent, year - recent, notice - year, all - notice);
        Map<String, Long> lists = new HashMap<>();
        f.lists().forEach(a -> lists.put(a.key(), a.count()));
        String brokenLink = "exists (select 1 from link_check l where l.program_id = p.id and l.outcome in " + BROKEN + ")";
        String current = "select count(*) from reconfirmation r join program p on p.id = r.program_id where"
                + " p.status = 'PUBLISHED' and p.assured_on = r.due_since and " + scope;
        long linkFlagged = count(current + " and r.broken_link and p.assured_on > ?", today.minusMonths(12));
        assertThat(lists).containsEntry("due", all - year + linkFlagged).containsEntry("unconfirmed", all - notice)
                .containsEntry("overdue", count(current + " and r.escalated_on is not null"))
                .containsEntry("brokenLinks", count("select count(*) from program p where " + brokenLink + " and " + scope));
        if (organization == null) {
            assertThat(f.bandRows()).as("every band has programs").allMatch(b -> b.count() > 0);
            assertThat(lists.values()).allMatch(n -> n > 0);
            Map<Freshness.State, Long> states = new HashMap<>();
            jdbc.queryForList("select assured_on from program where status = 'PUBLISHED'", LocalDate.class)
                    .forEach(d -> states.merge(freshness.state(d, today), 1L, Long::sum));
            assertThat(f.bands().due()).isEqualTo(states.get(Freshness.State.DUE));
            assertThat(f.bands().unconfirmed()).isEqualTo(states.get(Freshness.State.UNCONFIRMED));
        }
        checkReviews(f, organization);
    }

    void checkReviews(FollowUp f, String organization) {
        Instant now = clock.instant();
        String where = organization == null ? "" : " and organization_code = '" + organization + "'";
        String waiting = "select count(*) from program_review where state = 'SUBMITTED'" + where;
        Timestamp week = Timestamp.from(now.minus(Duration.ofDays(7)));
        Timestamp month = Timestamp.from(now.minus(Duration.ofDays(30)));
        List<Long> expected = List.of(count(waiting + " and submitted_at > ?", week),
                count(waiting + " and submitted_at <= ? and submitted_at > ?", week, month),
                count(waiting + " and submitted_at <= ?", month), count(waiting),
                count("select count(*) from program_review where state = 'RETURNED'" + where));
        assertThat(f.reviews()).extracting(FollowUp.Age::count).as(organization).containsExactlyElementsOf(expected);
        assertThat(expected.get(3)).isPositive();
    }

    void checkGaps(MunicipalityGaps g) {
        String official = " from municipality m join prefecture pr on pr.code = m.prefecture_code where m.type <> '政令指定都市の区'"
                + " and not m.northern_territories";
        String without = " and not exists (select 1 from program p left join municipality w on w.lg_code ="
                + " p.organizer_municipality_code where p.status = 'PUBLISHED' and (p.organizer_municipality_code ="
                + " m.lg_code or w.parent_lg_code = m.lg_code))";
        for (MunicipalityGaps.RegionRow r : g.regions()) {
            assertThat(r.municipalities()).as(r.name()).isEqualTo(count("select count(*)" + official
                    + " and pr.region_code = ?", r.code()));
            assertThat(r.without()).as(r.name()).isEqualTo(count("select count(*)" + official + without
                    + " and pr.region_code = ?", r.code()));
        }
        assertThat(g.regions()).hasSize(8);
        assertThat(g.total().municipalities()).isEqualTo(1741);
        List<String> codes = jdbc.queryForList("select m.lg_code" + official + without + " order by m.lg_code",
                String.class);
        assertThat(g.gaps()).extracting(MunicipalityGaps.Gap::code).containsExactlyElementsOf(codes);
        assertThat(codes).as("the city whose ward organizes a program").doesNotContain(wardCity);
        assertThat(g.total().without()).isEqualTo(codes.size()).isLessThan(1741);
    }

    @Test
    void eachCsvFileHoldsItsTable() throws Exception {
        for (boolean isOffice : new boolean[] {true, false}) {
            RequestPostProcessor who = isOffice ? office() : organization(municipality);
            MvcResult r = page(who);
            Document html = Jsoup.parse(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
            for (Element link : html.select("a[href$=.csv]")) {
                String href = link.attr("href");
                List<List<String>> csv = csv(href, who);
                OverviewPageTables.assertCsvHoldsTable(href, csv, html);
            }
            assertThat(html.select("a[href$=.csv]")).hasSize(isOffice ? 8 : 4);
        }
        List<List<String>> municipalities = csv("/admin/overview/municipalities.csv", office());
        MunicipalityGaps gaps = (MunicipalityGaps) page(office()).getModelAndView().getModel().get("gaps");
        assertThat(municipalities.subList(1, municipalities.size())).hasSize(gaps.gaps().size())
                .allSatisfy(row -> assertThat(row).hasSize(4));
        assertThat(municipalities.get(1).get(0)).isEqualTo(gaps.gaps().get(0).code());
    }

    List<List<String>> csv(String href, RequestPostProcessor who) throws Exception {
        MvcResult r = mvc.perform(get(href).with(who)).andExpect(status().isOk()).andReturn();
        assertThat(r.getResponse().getContentType()).startsWith("text/csv");
        assertThat(r.getResponse().getHeader("Content-Disposition")).contains("attachment").contains(".csv");
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFF");
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.RFC4180.parse(new java.io.StringReader(body.substring(1)))) {
            rows.add(record.toList());
        }
        return rows;
    }
}
