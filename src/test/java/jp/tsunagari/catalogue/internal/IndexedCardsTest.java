package jp.tsunagari.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.tsunagari.catalogue.Acceptance;
import jp.tsunagari.catalogue.ProgramCard;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.eligibility.Applicant;
import jp.tsunagari.eligibility.CriterionType;
import jp.tsunagari.eligibility.Strength;
import jp.tsunagari.eligibility.Subject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A card made from the index's stored page equals the card the database's card queries give, for every published
 * program of the seed and of a synthetic catalogue (organizers with and without a municipality, metrics, example
 * places, age and applicant rules, 受付期間 and ends).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:indexedcards;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "catalogue.synthetic.programs=400",
        "catalogue.page-cache.enabled=false"})
@ActiveProfiles("synthetic")
class IndexedCardsTest {

    @Autowired
    IndexedCards indexed;

    @Autowired
    ProgramFinder finder;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProgramEditor editor;

    @Autowired
    ProgramPageLoader pages;

    /**
     * A program with what the generated ones lack: two metrics (the card shows the first), and soft age and applicant
     * rules beside hard ones (the card shows only the hard ones).
     */
    @BeforeEach
    void programWithSoftRulesAndTwoMetrics() {
        if (jdbc.queryForObject("select count(*) from program where name = 'カード比較用'", Long.class) > 0) {
            return;
        }
        ProgramContent c = ProgramContentMapping.of(pages.any(1).orElseThrow().program());
        List<ProgramContent.Metric> metrics = List.of(
                new ProgramContent.Metric("友だち数", "Friends", 120, "人", LocalDate.of(2025, 3, 4)),
                new ProgramContent.Metric("参加者数", "Participants", 30, "人", LocalDate.of(2024, 3, 31)));
        List<ProgramContent.Rule> rules = List.of(
                rule(CriterionType.AGE, Strength.SOFT, 18, 22, Set.of()),
                rule(CriterionType.AGE, Strength.HARD, null, 29, Set.of()),
                rule(CriterionType.APPLICANT, Strength.SOFT, null, null, Set.of(Applicant.GROUP)),
                rule(CriterionType.APPLICANT, Strength.HARD, null, null, Set.of(Applicant.GUARDIAN, Applicant.SELF)));
        editor.create(new ProgramContent("カード比較用", "かーどひかくよう", null, c.categoryCode(),
                c.organizerPrefectureCode(), c.organizerMunicipalityCode(), c.startYear(), c.startMonth(),
                c.eventYear(), c.eventMonth(), c.channel(), c.lifecycle(), c.summary(), c.benefit(), c.officialUrl(),
                c.eligibilityText(), c.examplesHeading(), c.sourceDocumentId(), c.sourceSection(), c.sourceOrder(),
                c.sections(), metrics, c.examples(), c.dataNotes(),
                List.of(new ProgramContent.Group("比較用の対象", rules, null, null)), c.application(), c.schedule()),
                true, "test");
    }

    static ProgramContent.Rule rule(CriterionType type, Strength strength, Integer min, Integer max,
                                    Set<Applicant> applicants) {
        return new ProgramContent.Rule(type, strength, Subject.SELF, "比較用", min, max, List.of(), null, false, false,
                null, applicants, null, null, null, null, null, null);
    }

    @Test
    void everyCardFromTheIndexEqualsTheCardFromTheDatabase() {
        List<Long> ids = jdbc.queryForList("select id from program where status = 'PUBLISHED' order by id", Long.class);
        assertThat(ids).hasSizeGreaterThan(300);
        int[] seen = new int[5];
        for (int from = 0; from < ids.size(); from += 50) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 50));
            Map<Long, ProgramCard> fromIndex = indexed.cards(chunk);
            Map<Long, ProgramCard> fromDatabase = finder.cardsByIds(chunk).stream()
                    .collect(Collectors.toMap(ProgramCard::id, Function.identity()));
            assertThat(fromIndex.keySet()).isEqualTo(fromDatabase.keySet()).hasSize(chunk.size());
            for (Long id : chunk) {
                assertThat(fromIndex.get(id)).as("card of %d", id).isEqualTo(fromDatabase.get(id));
                ProgramCard c = fromDatabase.get(id);
                seen[0] += c.row().municipalityCode() != null ? 1 : 0;
                seen[1] += c.keyMetric() != null ? 1 : 0;
                seen[2] += c.keyEligibility().hasAges() ? 1 : 0;
                seen[3] += c.keyEligibility().applicants().isEmpty() ? 0 : 1;
                seen[4] += c.acceptance() != Acceptance.UNKNOWN ? 1 : 0;
            }
        }
        assertThat(indexed.cards(List.of(crafted())).get(crafted()).keyMetric().value()).isEqualTo(120);
        assertThat(java.util.Arrays.stream(seen).boxed().toList())
                .as("cards with a municipality, a metric, ages, applicants, a 受付状況").allMatch(n -> n > 0);
    }

    long crafted() {
        return jdbc.queryForObject("select id from program where name = 'カード比較用'", Long.class);
    }

    @Test
    void idsTheIndexDoesNotHoldAreLeftForTheDatabase() {
        assertThat(indexed.cards(List.of(-5L, Long.MAX_VALUE))).isEmpty();
        assertThat(indexed.cards(List.of())).isEmpty();
    }
}
