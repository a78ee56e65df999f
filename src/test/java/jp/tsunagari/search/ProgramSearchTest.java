package jp.tsunagari.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Japanese search over the seeded catalogue: normalisation, kana folding, readings, compounds, AND, no hits. */
@SpringBootTest
class ProgramSearchTest {

    @Autowired
    ProgramSearch search;

    static DiscoveryQuery query(String text, Map<String, Set<String>> selected) {
        return new DiscoveryQuery(text, selected, "relevance", 1, 50);
    }

    static Set<Long> ids(String list) {
        Set<Long> ids = new TreeSet<>();
        if (list != null && !list.isBlank()) {
            for (String id : list.split(" ")) {
                ids.add(Long.parseLong(id));
            }
        }
        return ids;
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ＬＩＮＥ          | 1 2 3 4
            line              | 1 2 3 4
            LINE 熊本         | 3
            えーるびん        | 5 7 8
            エール便          | 5 7 8
            ｴｰﾙ便             | 5 7 8
            もりおか          | 7
            盛岡              | 7
            さるぼぼ          | 11
            サルボボ          | 11
            県人会            | 13 14
            ﾈｵ県人会          | 13
            とちぎ            | 1
            栃木              | 1
            とっとり          | 12 14
            鳥取 大学生       | 12 14
            ワールドカフェ    | 9
            わーるどかふぇ     | 9
            仕送り            | 6
            ５００円          | 11
            いわて            | 7 13
            新潟              | 10 13
            ひだ              | 11
            nanbu             | 5
            ネモフィラ        | 8
            存在しない言葉    |
            ｘｙｚｚｙ        |
            """)
    void findsWhatJapaneseUsersType(String text, String expected) {
        assertThat(new TreeSet<>(search.search(query(text, Map.of())).ids())).isEqualTo(ids(expected));
    }

    @ParameterizedTest
    @CsvSource({"1, Jimoto TOCHIGI", "2, 宮津ふるさと市民制度「MIYAZUTTO！」", "3, くまらバ", "4, もどかご！",
            "5, ふるさと南部からのエール便", "6, ふるさと仕送り支援事業", "7, もりおかエール便",
            "8, ひたちなか学生エール便～ネモフィラBOX～", "9, 五戸まちづくりワールドカフェ",
            "10, 若者の力による地域活性化交流事業(ワカチ力)", "11, ヒダスケ！", "12, 鳥縁祭－鳥取のご縁が集う学校外/社外の文化祭－",
            "13, ネオ県人会", "14, とっとりへ ウェルカニネットワーク", "15, I'm Your Home."})
    void aProgramsNameRanksItFirst(long id, String name) {
        assertThat(search.search(query(name, Map.of())).ids()).first().isEqualTo(id);
    }

    @Test
    void everyFacetCountEqualsTheResultsOfClickingIt() {
        Map<String, Set<String>> none = Map.of();
        DiscoveryQuery base = query("", none);
        ProgramSearch.Result all = search.search(base);
        assertThat(all.total()).isEqualTo(15);
        for (String dimension : ProgramDocuments.DIMENSIONS) {
            all.counts().get(dimension).forEach((value, count) -> assertThat(
                    search.search(query("", Map.of(dimension, Set.of(value)))).total()).as(dimension + "=" + value).isEqualTo(count));
        }
        // One category with one region: the counts of the other dimensions under both filters.
        for (String category : List.of("sns", "gifts", "co-creation", "alumni-exchange", "other")) {
            for (String region : List.of("hokkaido", "tohoku", "kanto", "chubu", "kinki", "chugoku", "shikoku", "kyushu-okinawa")) {
                Map<String, Set<String>> selected = new HashMap<>();
                selected.put("category", Set.of(category));
                selected.put("region", Set.of(region));
                ProgramSearch.Result result = search.search(query("", selected));
                result.counts().get("pref").forEach((pref, count) -> {
                    Map<String, Set<String>> plus = new HashMap<>(selected);
                    plus.put("pref", Set.of(pref));
                    assertThat(search.search(query("", plus)).total()).as(category + "/" + region + "/" + pref).isEqualTo(count);
                });
                result.counts().get("category").forEach((other, count) -> {
                    Map<String, Set<String>> swapped = new HashMap<>(selected);
                    swapped.put("category", Set.of(other));
                    assertThat(search.search(query("", swapped)).total()).as(other + "/" + region).isEqualTo(count);
                });
            }
        }
    }

    @Test
    void textAndFacetsCombine() {
        ProgramSearch.Result result = search.search(query("エール便", Map.of("pref", Set.of("03"))));
        assertThat(result.ids()).containsExactly(7L);
        assertThat(result.counts().get("pref")).containsEntry("02", 1L).containsEntry("03", 1L).containsEntry("08", 1L);
        assertThat(result.counts().get("category")).containsExactly(Map.entry("gifts", 1L));
    }
}
