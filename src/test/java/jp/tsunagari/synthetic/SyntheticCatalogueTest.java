package jp.tsunagari.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import jp.tsunagari.catalogue.FieldChange;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.PublishedChanges;
import jp.tsunagari.catalogue.ProgramValueReader;
import jp.tsunagari.eligibility.AudienceRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The synthetic catalogue on its own in-memory database: 300 programs, checked through the database and the pages. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:synthetic;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "catalogue.synthetic.programs=300"})
@ActiveProfiles("synthetic")
@AutoConfigureMockMvc
class SyntheticCatalogueTest {

    static final int N = 300;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProgramEditor editor;

    @Autowired
    ProgramValueReader data;

    @Autowired
    JsonMapper json;

    @Autowired
    SyntheticRunner runner;

    @Autowired
    SyntheticChanges changes;

    @Autowired
    PublishedChanges published;

    String body(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void fillsEveryCategoryWithRealOrganizers() {
        assertThat(count("select count(*) from program where id >= 1000")).isEqualTo(N);
        Map<String, Long> perCategory = new java.util.HashMap<>();
        jdbc.query("select c.code, count(p.id) from category c left join program p on p.category_code = c.code"
                + " and p.id >= 1000 group by c.code", rs -> {
            perCategory.put(rs.getString(1), rs.getLong(2));
        });
        assertThat(perCategory).containsOnlyKeys("sns", "gifts", "co-creation", "alumni-exchange", "other");
        assertThat(perCategory.values()).allMatch(n -> n > 0);
        // Every organizer exists and lies in the organizer prefecture; most are municipalities.
        assertThat(count("select count(*) from program p left join municipality m on m.lg_code = p.organizer_municipality_code"
                + " where p.id >= 1000 and (p.organizer_prefecture_code is null or (p.organizer_municipality_code is not null"
                + " and (m.lg_code is null or m.prefecture_code <> p.organizer_prefecture_code)))")).isZero();
        assertThat(count("select count(*) from program where id >= 1000 and organizer_municipality_code is not null"))
                .isGreaterThan(N * 7 / 10);
        assertThat(count("select count(distinct organizer_prefecture_code) from program where id >= 1000")).isGreaterThan(30);
        // Readings are kana only.
        assertThat(jdbc.queryForList("select name_kana from program where id >= 1000", String.class))
                .allMatch(k -> k.matches("[\\p{IsHiragana}\\p{IsKatakana}ー・ ]+"), "kana only");
    }

    @Test
    void hasDraftsPendingDraftsAndHistory() {
        long drafts = count("select count(*) from program where id >= 1000 and status = 'DRAFT'");
        assertThat(drafts).isBetween(3L, 30L);
        assertThat(count("select count(*) from program_draft where program_id >= 1000")).isBetween(1L, 25L);
        assertThat(count("select count(*) from program_draft d join program p on p.id = d.program_id"
                + " where p.status <> 'PUBLISHED'")).isZero();
        assertThat(count("select count(*) from program p where p.id >= 1000 and (select count(*) from program_revision r"
                + " where r.program_id = p.id) not between 1 and 3")).isZero();
        assertThat(count("select count(distinct r.program_id) from program_revision r where r.revision = 3")).isPositive();
    }

    @Test
    void latestRevisionIsTheStoredContentAndAudiencesAreDerived() {
        List<Long> ids = jdbc.queryForList("select id from program where id >= 1000 and status = 'PUBLISHED'"
                + " and id not in (select program_id from program_draft) order by id", Long.class).subList(0, 40);
        for (ProgramValueReader.Entry e : data.published(ids)) {
            int last = editor.history(e.id()).get(0).revision();
            assertThat(editor.revision(e.id(), last)).contains(e.content());
            assertThat(editor.editable(e.id()).orElseThrow().content()).isEqualTo(e.content());
            assertThat(e.audiences()).isEqualTo(AudienceRules.derive(e.content().toTargetGroups()));
        }
        long withDraft = count("select min(program_id) from program_draft");
        String stored = jdbc.queryForObject("select content from program_draft where program_id = ?", String.class, withDraft);
        var editable = editor.editable(withDraft).orElseThrow();
        assertThat(editable.hasPendingDraft()).isTrue();
        assertThat(editable.content()).isEqualTo(json.readValue(stored, ProgramContent.class));
    }

    @Test
    void draftsStayHiddenFromThePublic() throws Exception {
        long published = count("select count(*) from program where status = 'PUBLISHED'");
        long draft = count("select min(id) from program where id >= 1000 and status = 'DRAFT'");
        String draftName = jdbc.queryForObject("select name from program where id = ?", String.class, draft);
        assertThat(body("/programs?ended=include")).contains(published + "件の施策");
        assertThat(body("/api/v1/programs?ended=include")).contains("\"total\":" + published + ",");
        assertThat(body("/programs?q=" + draftName)).doesNotContain("/programs/" + draft + "\"");
        assertThat(body("/api/v1/programs?size=100&q=" + draftName)).doesNotContain("\"id\":" + draft + ",");
        mvc.perform(get("/programs/" + draft)).andExpect(status().isNotFound());
    }

    @Test
    void generatedProgramsHavePublicPagesHistoryAndAreFound() throws Exception {
        long id = count("select min(p.id) from program p where p.id >= 1000 and p.status = 'PUBLISHED'"
                + " and (select count(*) from program_revision r where r.program_id = p.id) >= 2");
        String name = jdbc.queryForObject("select name from program where id = ?", String.class, id);
        assertThat(body("/programs/" + id)).contains(name);
        String history = mvc.perform(get("/admin/programs/" + id + "/history").with(user("e").roles("EDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(history).contains("/admin/programs/" + id + "/history/diff");
        mvc.perform(get("/admin/programs/" + id + "/history/diff?from=1&to=2").with(user("e").roles("EDITOR")))
                .andExpect(status().isOk());
        assertThat(body("/programs?q=" + name)).contains("/programs/" + id + "\"");
        String municipality = jdbc.queryForObject("select m.name_ja from program p join municipality m"
                + " on m.lg_code = p.organizer_municipality_code where p.id = (select max(id) from program"
                + " where status = 'PUBLISHED' and organizer_municipality_code is not null)", String.class);
        assertThat(body("/api/v1/programs?q=" + municipality)).doesNotContain("\"total\":0,");
    }

    @Test
    void aSecondStartAddsNothing() throws Exception {
        long before = count("select count(*) from program");
        runner.run(new DefaultApplicationArguments());
        assertThat(count("select count(*) from program")).isEqualTo(before);
    }

    @Test
    void aDayOfChangesIsHistoryThePublicChangesReport() {
        long before = published.latestRevision();
        SyntheticChanges.Result result = changes.apply(10);

        assertThat(result.programIds()).hasSize(10).doesNotHaveDuplicates();
        assertThat(count("select count(*) from program_revision where id > ? and action = 'UPDATE' and changed_by = ?",
                before, SyntheticChanges.USER)).isEqualTo(10);
        Map<Long, PublishedChanges.Change> reported = published.between(before, published.latestRevision());
        assertThat(reported.keySet()).containsExactlyInAnyOrderElementsOf(result.programIds());
        assertThat(reported.get(result.programIds().get(0)).changes()).extracting(FieldChange::field)
                .containsExactly("summary");
        assertThat(reported.get(result.programIds().get(4)).changes()).extracting(FieldChange::field)
                .containsExactly("name");
        assertThat(result.categories()).isGreaterThan(1);
    }
}
