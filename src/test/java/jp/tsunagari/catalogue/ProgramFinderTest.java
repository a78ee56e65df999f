package jp.tsunagari.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import jp.tsunagari.catalogue.internal.ProgramFinder;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.place.Places;
import jp.tsunagari.place.Prefecture;
import jp.tsunagari.place.Region;
import jp.tsunagari.system.ResultPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * List queries on the seeded catalogue (real migrations, H2 in PostgreSQL mode): filtered, ordered and counted by the
 * search index ({@link ProgramRanking}), the cards read from the database.
 */
@SpringBootTest
class ProgramFinderTest {

    @Autowired
    ProgramFinder finder;

    @Autowired
    Places places;

    private static ProgramQuery query(Set<String> cats, Set<String> regions, Set<String> prefs, Set<Audience> audiences) {
        return new ProgramQuery(cats, regions, prefs, audiences, ProgramSort.SOURCE, 1, 50);
    }

    private static ProgramQuery prefs(String... codes) {
        return query(Set.of(), Set.of(), Set.of(codes), Set.of());
    }

    @Test
    void allFifteenInSourceOrder() {
        ResultPage<ProgramCard> page = finder.find(ProgramQuery.all());
        assertThat(page.total()).isEqualTo(15);
        assertThat(page.items()).extracting(ProgramCard::id)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L);
    }

    @Test
    void prefectureFilterIncludesMunicipalitiesAndExampleGroups() {
        assertThat(finder.find(prefs("02")).items()).extracting(ProgramCard::name)
                .containsExactly("ふるさと南部からのエール便", "五戸まちづくりワールドカフェ", "ネオ県人会");
        assertThat(finder.find(prefs("31")).items()).extracting(ProgramCard::id).containsExactly(12L, 14L);
        assertThat(finder.find(prefs("15")).items()).extracting(ProgramCard::id).containsExactly(10L, 13L);
        assertThat(finder.find(prefs("13")).total()).isZero();
        assertThat(finder.find(prefs("09", "43")).items()).extracting(ProgramCard::id).containsExactly(1L, 3L);
    }

    @Test
    void facetsCombine() {
        assertThat(finder.find(query(Set.of("gifts"), Set.of("tohoku"), Set.of(), Set.of())).items())
                .extracting(ProgramCard::id).containsExactly(5L, 6L, 7L);
        assertThat(finder.find(query(Set.of("co-creation"), Set.of(), Set.of("02"), Set.of())).items())
                .extracting(ProgramCard::id).containsExactly(9L);
        assertThat(finder.find(query(Set.of(), Set.of(), Set.of(), Set.of(Audience.GUARDIAN))).items())
                .extracting(ProgramCard::id).containsExactly(5L, 6L, 7L, 8L);
        assertThat(finder.find(query(Set.of("sns", "other"), Set.of("kyushu-okinawa", "chubu"), Set.of(), Set.of())).items())
                .extracting(ProgramCard::id).containsExactly(3L, 4L, 15L);
    }

    @Test
    void prefectureAndRegionCountsEqualTheFilteredTotals() {
        Map<String, Long> byPref = finder.countByPrefecture();
        for (Prefecture p : places.prefectures()) {
            assertThat(byPref.getOrDefault(p.code(), 0L)).as(p.nameJa()).isEqualTo(finder.find(prefs(p.code())).total());
        }
        Map<String, Long> byRegion = finder.countByRegion();
        for (Region r : places.regions()) {
            assertThat(byRegion.getOrDefault(r.code(), 0L)).as(r.nameJa())
                    .isEqualTo(finder.find(query(Set.of(), Set.of(r.code()), Set.of(), Set.of())).total());
        }
        assertThat(byPref).containsEntry("02", 3L).containsEntry("03", 2L).containsEntry("31", 2L);
        assertThat(byRegion).containsEntry("tohoku", 5L).containsEntry("chubu", 4L);
    }

    @Test
    void cardsCarryAudiencesMetricsAndExamplePlaces() {
        Map<Long, ProgramCard> cards = finder.find(ProgramQuery.all()).items().stream()
                .collect(java.util.stream.Collectors.toMap(ProgramCard::id, c -> c));
        assertThat(cards.get(1L).keyMetric().value()).isEqualTo(5390);
        assertThat(cards.get(1L).audiences()).containsExactly(Audience.YOUTH, Audience.ALUMNI);
        assertThat(cards.get(2L).organizerName(java.util.Locale.JAPANESE)).isEqualTo("京都府宮津市");
        assertThat(cards.get(2L).organizerName(java.util.Locale.ENGLISH)).isEqualTo("Miyazu, Kyoto");
        assertThat(cards.get(13L).hasOrganizer()).isFalse();
        assertThat(cards.get(13L).examplePlaces()).extracting(ProgramCard.Place::code).containsExactly("02", "03", "15");
        assertThat(cards.get(5L).keyMetric()).isNull();
    }

    @Test
    void sortsAndPages() {
        ProgramQuery byKana = new ProgramQuery(Set.of(), Set.of(), Set.of(), Set.of(), ProgramSort.KANA, 1, 3);
        assertThat(finder.find(byKana).items()).extracting(ProgramCard::name)
                .containsExactly("I'm Your Home.", "くまらバ", "五戸まちづくりワールドカフェ");
        ProgramQuery byReach = new ProgramQuery(Set.of(), Set.of(), Set.of(), Set.of(), ProgramSort.REACH, 1, 4);
        assertThat(finder.find(byReach).items()).extracting(ProgramCard::id).containsExactly(1L, 2L, 3L, 4L);
        ProgramQuery byStart = new ProgramQuery(Set.of(), Set.of(), Set.of(), Set.of(), ProgramSort.START, 1, 4);
        assertThat(finder.find(byStart).items()).extracting(ProgramCard::id).containsExactly(2L, 3L, 4L, 1L);
        ResultPage<ProgramCard> page2 = finder.find(ProgramQuery.all().withPage(2, 10));
        assertThat(page2.items()).extracting(ProgramCard::id).containsExactly(11L, 12L, 13L, 14L, 15L);
        assertThat(page2.totalPages()).isEqualTo(2);
        assertThat(finder.find(ProgramQuery.all().withPage(3, 10)).items()).isEmpty();
    }
}
