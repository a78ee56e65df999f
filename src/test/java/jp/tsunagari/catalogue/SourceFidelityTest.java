package jp.tsunagari.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.tsunagari.catalogue.internal.Program;
import jp.tsunagari.eligibility.AudienceRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;

/**
 * The seeded catalogue against a verbatim copy of the source document: every text taken from the source must
 * appear in it letter for letter, and the counts and numbers of the source must be there.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class SourceFidelityTest {

    static String source;

    @Autowired
    EntityManager em;

    @BeforeAll
    static void readSource() throws IOException {
        try (InputStream in = SourceFidelityTest.class.getResourceAsStream("/source/chiiki-tsunagari-jirei.txt")) {
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // The source is a table export: drop the HTML-like markup and fold white space, keep every character.
            source = raw.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        }
    }

    private List<String> texts(String jpql) {
        return em.createQuery(jpql, String.class).getResultList();
    }

    @Test
    void fifteenProgramsInFiveCategoriesWithThreeExamples() {
        assertThat(em.createQuery("select count(p) from Program p", Long.class).getSingleResult()).isEqualTo(15);
        assertThat(em.createQuery("select count(c) from Category c", Long.class).getSingleResult()).isEqualTo(5);
        assertThat(em.createQuery("select count(e) from ExampleGroup e", Long.class).getSingleResult()).isEqualTo(3);
        Map<String, Long> perCategory = em.createQuery("select p.category.code, count(p) from Program p group by p.category.code",
                Object[].class).getResultList().stream().collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1]));
        assertThat(perCategory).containsExactlyInAnyOrderEntriesOf(Map.of("sns", 4L, "gifts", 4L, "co-creation", 3L,
                "alumni-exchange", 2L, "other", 2L));
    }

    @Test
    void everyTextTakenFromTheSourceIsVerbatim() {
        List<String> fromSource = new ArrayList<>();
        fromSource.addAll(texts("select p.name from Program p"));
        fromSource.addAll(texts("select p.summary from Program p where p.summary is not null"));
        fromSource.addAll(texts("select p.benefit from Program p where p.benefit is not null"));
        fromSource.addAll(texts("select s.heading from ProgramSection s where s.heading is not null"));
        fromSource.addAll(texts("select i.text from SectionItem i"));
        fromSource.addAll(texts("select e.name from ExampleGroup e"));
        fromSource.addAll(texts("select e.description from ExampleGroup e"));
        fromSource.addAll(texts("select c.sourceText from Criterion c"));
        fromSource.addAll(texts("select c.descriptionJa from Category c"));
        fromSource.addAll(texts("select p.sourceSection from Program p"));
        texts("select p.eligibilityText from Program p").forEach(t -> fromSource.addAll(List.of(t.split("\n"))));
        assertThat(fromSource).hasSizeGreaterThan(150);
        assertThat(fromSource).allSatisfy(text -> assertThat(source).as("verbatim in the source").contains(text));
    }

    @Test
    void everyItemOfTheSourceIsSeeded() {
        // Spot checks that the longest and most nested passages are all there, in order.
        List<String> hida = texts("select i.text from ProgramSection s join s.items i where s.id = 1102 order by i.position");
        assertThat(hida).hasSize(6);
        assertThat(hida.get(2)).isEqualTo("オンラインでひだスキ高校生と飛騨についてゆる〜くおしゃべりするイベント");
        assertThat(texts("select i.text from SectionItem i where i.kind = jp.tsunagari.catalogue.ItemKind.NOTE"))
                .containsExactly("※「プランナー」: イベント企画・運営やSNS情報の受発信等のハブとなる若者",
                        "※「コンシェルジュ」: 県人会・学生寮・若者交流団体等のコミュニティが繋がる窓口となる方");
        assertThat(em.createQuery("select count(i) from SectionItem i", Long.class).getSingleResult()).isEqualTo(54);
    }

    @Test
    void lineCountsAndDatesAreTheSources() {
        List<Object[]> rows = em.createQuery("select p.name, m.value, m.asOf, p.startYear, p.startMonth"
                + " from ReachMetric m join m.program p order by p.sourceOrder", Object[].class).getResultList();
        assertThat(rows).extracting(r -> r[0] + " " + r[1] + " " + r[2] + " " + r[3] + "-" + r[4]).containsExactly(
                "Jimoto TOCHIGI 5390 2025-03-04 2022-3",
                "宮津ふるさと市民制度「MIYAZUTTO！」 5218 2025-03-04 2025-10",
                "くまらバ 3081 2025-03-04 2024-2",
                "もどかご！ 1997 2025-03-04 2023-7");
        for (Object[] r : rows) {
            assertThat(source).contains(String.format("LINE友だち数:%,d名", (Long) r[1]))
                    .contains(r[3] + "年" + r[4] + "月～");
        }
        Object[] toen = em.createQuery("select p.eventYear, p.eventMonth, p.lifecycle from Program p where p.id = 12",
                Object[].class).getSingleResult();
        assertThat(toen).containsExactly(2025, 2, Lifecycle.ONE_OFF);
    }

    @Test
    void inconsistenciesAreKeptAndNoted() {
        assertThat(texts("select p.summary from Program p where p.id = 4").get(0)).contains("鹿児島島");
        assertThat(texts("select n.noteJa from Program p join p.dataNotes n where p.id = 4").get(0)).contains("鹿児島島");
        assertThat(texts("select n.noteJa from Program p join p.dataNotes n where p.id = 2").get(0)).contains("2025年10月～");
        assertThat(texts("select c.dataNoteJa from Category c where c.code = 'gifts'").get(0)).contains("地元産品の贈り物");
    }

    @Test
    void storedAudienceTagsAreThoseDerivedFromTheEligibility() {
        List<Program> programs = em.createQuery("select p from Program p", Program.class).getResultList();
        assertThat(programs).allSatisfy(p -> assertThat(p.audiences()).as(p.name())
                .isEqualTo(AudienceRules.derive(p.targetGroups())));
    }

    @Test
    void organizersMatchTheSource() {
        List<Program> programs = em.createQuery("select p from Program p order by p.sourceOrder", Program.class).getResultList();
        for (Program p : programs) {
            if (!p.hasOrganizer()) {
                assertThat(p.name()).isEqualTo("ネオ県人会");
                continue;
            }
            String organizer = p.organizerPrefecture().nameJa()
                    + (p.organizerMunicipality() == null ? "" : p.organizerMunicipality().nameJa());
            assertThat(source).as(p.name()).contains(p.name() + " (" + organizer + ")");
            if (p.organizerMunicipality() != null) {
                assertThat(p.organizerMunicipality().prefecture().code()).isEqualTo(p.organizerPrefecture().code());
            }
        }
    }
}
