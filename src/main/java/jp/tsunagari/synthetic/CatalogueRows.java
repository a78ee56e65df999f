package jp.tsunagari.synthetic;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.eligibility.Applicant;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.synthetic.Recombiner.Revision;
import jp.tsunagari.synthetic.Recombiner.SyntheticProgram;
import jp.tsunagari.system.JapanTime;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes synthetic programs with JDBC batches and explicit ids, in the columns and codes the JPA mapping uses
 * (enums by name, area codes and applicants comma-separated); revision snapshots and drafts are the app's JSON of
 * {@link ProgramContent}. The same SQL runs on H2 and PostgreSQL.
 */
final class CatalogueRows {

    /** The next explicit id of every table with an identity column. */
    static final class Ids {
        long program;
        long section;
        long item;
        long metric;
        long example;
        long group;
        long criterion;
        long revision;

        static Ids after(JdbcTemplate jdbc) {
            Ids ids = new Ids();
            ids.program = Math.max(SeedMaterial.FIRST_GENERATED, 1 + max(jdbc, "select greatest("
                    + "coalesce((select max(id) from program), 0), coalesce((select max(program_id) from program_revision), 0))"));
            ids.section = 1 + max(jdbc, "select coalesce(max(id), 0) from program_section");
            ids.item = 1 + max(jdbc, "select coalesce(max(id), 0) from section_item");
            ids.metric = 1 + max(jdbc, "select coalesce(max(id), 0) from reach_metric");
            ids.example = 1 + max(jdbc, "select coalesce(max(id), 0) from example_group");
            ids.group = 1 + max(jdbc, "select coalesce(max(id), 0) from target_group");
            ids.criterion = 1 + max(jdbc, "select coalesce(max(id), 0) from criterion");
            ids.revision = 1 + max(jdbc, "select coalesce(max(id), 0) from program_revision");
            return ids;
        }

        private static long max(JdbcTemplate jdbc, String sql) {
            Long value = jdbc.queryForObject(sql, Long.class);
            return value == null ? 0 : value;
        }
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    CatalogueRows(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The rows of a chunk of programs, table by table, ready to be written. */
    record Prepared(List<Long> programIds, List<Object[]> program, List<Object[]> section, List<Object[]> item,
                    List<Object[]> metric, List<Object[]> example, List<Object[]> note, List<Object[]> audience,
                    List<Object[]> group, List<Object[]> criterion, List<Object[]> revision, List<Object[]> draft,
                    List<Object[]> period) {

        Prepared() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    private static boolean published(SyntheticProgram p) {
        return p.status() == jp.tsunagari.catalogue.PublicationStatus.PUBLISHED;
    }

    /** 最終確認日 as the editor sets it: the day a published program was last published or changed; none for drafts. */
    private static java.time.LocalDate confirmedOn(SyntheticProgram p) {
        return published(p) ? JapanTime.day(p.updatedAt()) : null;
    }

    Prepared prepare(List<SyntheticProgram> programs, Ids ids) {
        Prepared rows = new Prepared();
        for (SyntheticProgram p : programs) {
            long id = ids.program++;
            rows.programIds().add(id);
            ProgramContent c = p.content();
            rows.program().add(new Object[] {id, p.version(), p.status().name(), c.name(), c.nameKana(), c.nameEn(),
                    c.categoryCode(), c.organizerPrefectureCode(), c.organizerMunicipalityCode(), c.startYear(),
                    c.startMonth(), c.eventYear(), c.eventMonth(), c.channel().name(), c.lifecycle().name(), c.summary(),
                    c.benefit(), c.officialUrl(), c.eligibilityText() == null ? "" : c.eligibilityText(),
                    c.examplesHeading(), c.sourceDocumentId(), c.sourceSection(), c.sourceOrder(), time(p.createdAt()),
                    time(p.updatedAt()), Recombiner.USER, c.schedule().endYear(), c.schedule().endMonth(),
                    confirmedOn(p), JapanTime.day(published(p) ? p.updatedAt() : p.createdAt())});
            for (int i = 0; i < c.schedule().periods().size(); i++) {
                ProgramContent.Period pe = c.schedule().periods().get(i);
                rows.period().add(new Object[] {id, i, pe.start(), pe.end(), pe.yearly()});
            }
            addContent(c, id, ids, rows);
            for (Audience a : p.audiences()) {
                rows.audience().add(new Object[] {id, a.name()});
            }
            addGroups(c, id, ids, rows);
            addHistory(p, id, ids, rows);
        }
        return rows;
    }

    /** Sections with their items, metrics, examples and data notes. */
    private static void addContent(ProgramContent c, long id, Ids ids, Prepared rows) {
        for (int s = 0; s < c.sections().size(); s++) {
            ProgramContent.Section sec = c.sections().get(s);
            long sectionId = ids.section++;
            rows.section().add(new Object[] {sectionId, id, s + 1, sec.heading()});
            for (int i = 0; i < sec.items().size(); i++) {
                ProgramContent.Item it = sec.items().get(i);
                rows.item().add(new Object[] {ids.item++, sectionId, i + 1, it.level(), it.kind().name(), it.text()});
            }
        }
        for (int m = 0; m < c.metrics().size(); m++) {
            ProgramContent.Metric me = c.metrics().get(m);
            rows.metric().add(new Object[] {ids.metric++, id, m + 1, me.labelJa(), me.labelEn(), me.value(),
                    me.unitJa(), me.asOf()});
        }
        for (int e = 0; e < c.examples().size(); e++) {
            ProgramContent.Example ex = c.examples().get(e);
            rows.example().add(new Object[] {ids.example++, id, e + 1, ex.name(), ex.description(),
                    ex.prefectureCode()});
        }
        for (int n = 0; n < c.dataNotes().size(); n++) {
            rows.note().add(new Object[] {id, n + 1, c.dataNotes().get(n).ja(), c.dataNotes().get(n).en()});
        }
    }

    /** Target groups with their criteria. */
    private static void addGroups(ProgramContent c, long id, Ids ids, Prepared rows) {
        for (int g = 0; g < c.targetGroups().size(); g++) {
            ProgramContent.Group gr = c.targetGroups().get(g);
            long groupId = ids.group++;
            rows.group().add(new Object[] {groupId, id, g + 1, gr.label(), gr.validFrom(), gr.validTo()});
            for (int r = 0; r < gr.criteria().size(); r++) {
                ProgramContent.Rule ru = gr.criteria().get(r);
                rows.criterion().add(new Object[] {ids.criterion++, groupId, r + 1, ru.type().name(),
                        ru.strength().name(), ru.subject().name(), ru.sourceText(), ru.minAge(), ru.maxAge(),
                        ru.areas().isEmpty() ? null : String.join(",", ru.areas()), ru.areaLabel(), ru.outside(),
                        ru.domesticOnly(), ru.schools(),
                        ru.applicants().isEmpty() ? null : ru.applicants().stream().map(Applicant::code).sorted()
                                .collect(Collectors.joining(",")),
                        ru.minGroupSize(), ru.youngMaxAge(), ru.youngShareNum(), ru.youngShareDen(),
                        ru.audienceHint() == null ? null : ru.audienceHint().name(), ru.note()});
            }
        }
    }

    /** Revisions and the pending draft. */
    private void addHistory(SyntheticProgram p, long id, Ids ids, Prepared rows) {
        List<Revision> revisions = p.revisions();
        for (int r = 0; r < revisions.size(); r++) {
            Revision rev = revisions.get(r);
            rows.revision().add(new Object[] {ids.revision++, id, r + 1, rev.action().name(), rev.status().name(),
                    json.writeValueAsString(rev.content()), Recombiner.USER, time(rev.at())});
        }
        if (p.pendingDraft() != null) {
            rows.draft().add(new Object[] {id, json.writeValueAsString(p.pendingDraft()), p.version(), Recombiner.USER,
                    time(p.updatedAt())});
        }
    }

    /** Inserts the rows, one batch per table. */
    void write(Prepared rows) {
        batch("insert into program (id, version, status, name, name_kana, name_en, category_code,"
                + " organizer_prefecture_code, organizer_municipality_code, start_year, start_month, event_year,"
                + " event_month, channel, lifecycle, summary, benefit, official_url, eligibility_text, examples_heading,"
                + " source_document_id, source_section, source_order, created_at, updated_at, updated_by, end_year,"
                + " end_month, confirmed_on, assured_on)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows.program(),
                Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER,
                Types.VARCHAR, Types.INTEGER, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE,
                Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.DATE, Types.DATE);
        batch("insert into program_application_period (program_id, position, starts_on, ends_on, yearly)"
                + " values (?, ?, ?, ?, ?)", rows.period(), Types.BIGINT, Types.INTEGER, Types.DATE, Types.DATE,
                Types.BOOLEAN);
        batch("insert into program_section (id, program_id, position, heading) values (?, ?, ?, ?)", rows.section(),
                Types.BIGINT, Types.BIGINT, Types.INTEGER, Types.VARCHAR);
        batch("insert into section_item (id, section_id, position, level, kind, text) values (?, ?, ?, ?, ?, ?)", rows.item(),
                Types.BIGINT, Types.BIGINT, Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR);
        batch("insert into reach_metric (id, program_id, position, label_ja, label_en, metric_value, unit_ja, as_of)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", rows.metric(), Types.BIGINT, Types.BIGINT, Types.INTEGER, Types.VARCHAR,
                Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.DATE);
        batch("insert into example_group (id, program_id, position, name, description, prefecture_code)"
                + " values (?, ?, ?, ?, ?, ?)", rows.example(), Types.BIGINT, Types.BIGINT, Types.INTEGER, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR);
        batch("insert into program_data_note (program_id, position, note_ja, note_en) values (?, ?, ?, ?)", rows.note(),
                Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.VARCHAR);
        batch("insert into program_audience (program_id, audience) values (?, ?)", rows.audience(), Types.BIGINT,
                Types.VARCHAR);
        batch("insert into target_group (id, program_id, position, label, valid_from, valid_to)"
                + " values (?, ?, ?, ?, ?, ?)", rows.group(), Types.BIGINT, Types.BIGINT, Types.INTEGER, Types.VARCHAR,
                Types.DATE, Types.DATE);
        batch("insert into criterion (id, target_group_id, position, type, strength, subject, source_text, min_age,"
                + " max_age, areas, area_label, outside, domestic_only, schools, applicants, min_group_size,"
                + " young_max_age, young_share_num, young_share_den, audience_hint, note_ja)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.criterion(),
                Types.BIGINT, Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.BOOLEAN, Types.VARCHAR,
                Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR);
        batch("insert into program_revision (id, program_id, revision, action, status, snapshot, changed_by, changed_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", rows.revision(), Types.BIGINT, Types.BIGINT, Types.INTEGER, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE);
        batch("insert into program_draft (program_id, content, base_version, updated_by, updated_at)"
                + " values (?, ?, ?, ?, ?)", rows.draft(), Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.VARCHAR,
                Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private void batch(String sql, List<Object[]> rows, int... types) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(sql, rows, rows.size(), (PreparedStatement ps, Object[] row) -> bind(ps, row, types));
    }

    private static void bind(PreparedStatement ps, Object[] row, int[] types) throws SQLException {
        for (int i = 0; i < types.length; i++) {
            Object value = row[i];
            if (value == null) {
                ps.setNull(i + 1, types[i]);
            } else if (value instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (value instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (value instanceof Boolean b) {
                ps.setBoolean(i + 1, b);
            } else if (value instanceof String s) {
                ps.setString(i + 1, s);
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
