package jp.tsunagari.place;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;

/** The reference data migrations: counts by the official definitions, codes with valid check digits, regions. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({Places.class, jp.tsunagari.system.ChangeMarker.class})
class ReferenceDataTest {

    @Autowired
    Places places;

    @Autowired
    EntityManager em;

    @Test
    void fortySevenPrefecturesInEightRegions() {
        assertThat(places.prefectures()).hasSize(47);
        assertThat(places.regions()).extracting(Region::nameJa)
                .containsExactly("北海道", "東北", "関東", "中部", "近畿", "中国", "四国", "九州・沖縄");
        Map<String, Long> sizes = places.prefectures().stream()
                .collect(Collectors.groupingBy(p -> p.region().code(), Collectors.counting()));
        assertThat(sizes).containsExactlyInAnyOrderEntriesOf(Map.of("hokkaido", 1L, "tohoku", 6L, "kanto", 7L,
                "chubu", 9L, "kinki", 7L, "chugoku", 5L, "shikoku", 4L, "kyushu-okinawa", 8L));
        assertThat(places.prefecture("24").orElseThrow().region().code()).isEqualTo("kinki");
        assertThat(places.prefecture("47").orElseThrow().region().nameJa()).isEqualTo("九州・沖縄");
    }

    @Test
    void officialCountOf1741Municipalities() {
        assertThat(places.officialMunicipalityCount()).isEqualTo(1741);
        assertThat(places.municipalityRowCount()).isEqualTo(1918);
        List<Object[]> byType = em.createQuery("select m.type, count(m) from Municipality m"
                + " where m.northernTerritories = false group by m.type", Object[].class).getResultList();
        Map<String, Long> counts = byType.stream().collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1]));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("市", 792L, "町", 743L, "村", 183L,
                "特別区", 23L, Municipality.WARD_TYPE, 171L));
    }

    @Test
    void everyCodeHasAValidCheckDigitAndWardsPointAtTheirCity() {
        List<String> codes = em.createQuery("select m.lgCode from Municipality m", String.class).getResultList();
        assertThat(codes).hasSize(1918).allMatch(LgCode::isValid);
        assertThat(places.prefectures()).allMatch(p -> LgCode.isValid(p.lgCode()) && p.lgCode().startsWith(p.code()));
        Long orphanWards = em.createQuery("select count(m) from Municipality m where m.type = :ward"
                + " and (m.parent is null or m.parent.designatedCity = false)", Long.class)
                .setParameter("ward", Municipality.WARD_TYPE).getSingleResult();
        assertThat(orphanWards).isZero();
    }

    @Test
    void spotChecksFromTheDataReadme() {
        Municipality nanbu = places.municipality("024457").orElseThrow();
        assertThat(nanbu.nameJa()).isEqualTo("南部町");
        assertThat(nanbu.nameKana()).isEqualTo("なんぶちょう");
        assertThat(nanbu.nameEn()).isEqualTo("Nanbu");
        assertThat(places.municipality("024422").orElseThrow().nameKana()).isEqualTo("ごのへまち");
        assertThat(places.municipality("262056").orElseThrow().nameJa()).isEqualTo("宮津市");
        assertThat(places.municipality("016969").orElseThrow().countsAsMunicipality()).isFalse();
        assertThat(places.municipality("014036").orElseThrow().countsAsMunicipality()).isTrue();
    }

    @Test
    void tilesFillTheSevenBySevenBoardOnce() {
        assertThat(places.prefectures()).extracting(p -> p.tileCol() + "," + p.tileRow()).doesNotHaveDuplicates()
                .allMatch(cell -> cell.matches("[0-6],[0-6]"));
        Prefecture hokkaido = places.prefecture("01").orElseThrow();
        assertThat(List.of(hokkaido.tileCol(), hokkaido.tileRow())).containsExactly(6, 0);
        Prefecture okinawa = places.prefecture("47").orElseThrow();
        assertThat(List.of(okinawa.tileCol(), okinawa.tileRow())).containsExactly(0, 6);
    }

    @Test
    void namesOfMixedCodesResolveInOneCall() {
        var names = places.namesOf(List.of("03", "032018", "999999"));
        assertThat(names).containsOnlyKeys("03", "032018");
        assertThat(names.get("032018").nameJa()).isEqualTo("盛岡市");
        assertThat(names.get("03").name(java.util.Locale.ENGLISH)).isEqualTo("Iwate");
    }
}
