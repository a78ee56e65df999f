package jp.tsunagari.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.tsunagari.catalogue.ProgramRules;
import jp.tsunagari.catalogue.SearchSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Personas against the seeded programs' structured eligibility: the expected verdict of each. */
@SpringBootTest
class EligibilityTableTest {

    @Autowired
    EligibilityChecker checker;

    @Autowired
    SearchSources sources;

    Map<Long, ProgramRules> programs;

    @BeforeEach
    void load() {
        programs = sources.rules().stream().collect(Collectors.toMap(ProgramRules::id, Function.identity()));
    }

    static Profile profile(Integer age, String hometown, String residence, String school, Integer grade,
                           String familyHome, String applicant, Integer groupSize, Integer groupYoung) {
        return new Profile(age, hometown, residence, school == null ? null : SchoolType.fromCode(school).orElseThrow(),
                grade, familyHome, applicant == null ? null : Applicant.fromCode(applicant).orElseThrow(), groupSize,
                groupYoung, LocalDate.of(2026, 4, 1));
    }

    Verdict verdict(long program, Profile p) {
        return checker.evaluate(programs.get(program).groups(), p).verdict();
    }

    @ParameterizedTest(name = "{0}: program {10} → {11}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            盛岡出身の大学生、東京在住、親は盛岡             | 22 | 032018 | 13     | university  | 4 | 032018 | self     | - | - | 7  | ELIGIBLE
            同じ人とJimoto TOCHIGI（出身が違う）            | 22 | 032018 | 13     | university  | 4 | 032018 | self     | - | - | 1  | NOT_ELIGIBLE
            同じ人とネオ県人会（文章の条件）                 | 22 | 032018 | 13     | university  | 4 | 032018 | self     | - | - | 13 | CHECK
            栃木出身36歳（年齢で非該当）                     | 36 | 09     | 13     | none        | - | -      | self     | - | - | 1  | NOT_ELIGIBLE
            栃木出身35歳、東京在住（境界、目安も満たす）     | 35 | 09     | 13     | none        | - | -      | self     | - | - | 1  | ELIGIBLE
            宇都宮市出身30歳、大阪在住（「主に」は目安）     | 30 | 092011 | 27     | none        | - | -      | self     | - | - | 1  | CHECK
            栃木出身30歳、住所未回答                         | 30 | 09     | -      | -           | - | -      | -        | - | - | 1  | CHECK
            もりおか: 25歳（上限ちょうど）                   | 25 | -      | 13     | university  | 4 | 032018 | self     | - | - | 7  | ELIGIBLE
            もりおか: 26歳                                   | 26 | -      | 13     | university  | 4 | 032018 | self     | - | - | 7  | NOT_ELIGIBLE
            もりおか: 15歳（下限ちょうど）                   | 15 | -      | 13     | high        | 1 | 032018 | self     | - | - | 7  | ELIGIBLE
            もりおか: 14歳                                   | 14 | -      | 13     | junior-high | 3 | 032018 | self     | - | - | 7  | NOT_ELIGIBLE
            もりおか: 海外在住（国内に限る）                 | 20 | -      | abroad | university  | 2 | 032018 | self     | - | - | 7  | NOT_ELIGIBLE
            もりおか: 盛岡に住んでいる                       | 20 | -      | 032018 | university  | 2 | 032018 | self     | - | - | 7  | NOT_ELIGIBLE
            もりおか: 親が東京                               | 20 | -      | 13     | university  | 2 | 13     | self     | - | - | 7  | NOT_ELIGIBLE
            もりおか: 親は岩手県とだけ回答                   | 20 | -      | 13     | university  | 2 | 03     | self     | - | - | 7  | CHECK
            南部: 高専3年                                    | 18 | -      | 13     | kosen       | 3 | 024457 | guardian | - | - | 5  | NOT_ELIGIBLE
            南部: 高専4年、親が南部町、保護者が申請          | 19 | -      | 13     | kosen       | 4 | 024457 | guardian | - | - | 5  | ELIGIBLE
            南部: 本人が申請                                 | 19 | -      | 13     | kosen       | 4 | 024457 | self     | - | - | 5  | NOT_ELIGIBLE
            南部: 短大（列挙にないが「等」）                 | 19 | -      | 13     | junior-college | 1 | 024457 | guardian | - | - | 5 | CHECK
            南部: 在学していない                             | 19 | -      | 13     | none        | - | 024457 | guardian | - | - | 5  | NOT_ELIGIBLE
            湯沢: 市出身の高校生、東京在住、実家が湯沢       | 16 | 052078 | 13     | high        | 2 | 052078 | guardian | - | - | 6  | ELIGIBLE
            湯沢: 湯沢に住んでいる                           | 16 | 052078 | 052078 | high        | 2 | 052078 | guardian | - | - | 6  | NOT_ELIGIBLE
            湯沢: 実家が湯沢にない                           | 16 | 052078 | 13     | high        | 2 | 13     | guardian | - | - | 6  | NOT_ELIGIBLE
            湯沢: 専門職大学（列挙になく「等」もない）       | 19 | 052078 | 13     | professional-university | 1 | 052078 | guardian | - | - | 6 | NOT_ELIGIBLE
            ひたちなか: 大学生、東京在住、保護者が市内       | 20 | -      | 13     | university  | 2 | 082210 | self     | - | - | 8  | ELIGIBLE
            ひたちなか: 海外在住                             | 20 | -      | abroad | university  | 2 | 082210 | self     | - | - | 8  | NOT_ELIGIBLE
            ひたちなか: 大学院生（「大学等」）               | 23 | -      | 13     | graduate    | 1 | 082210 | self     | - | - | 8  | CHECK
            ワカチ力: 5人中4人が49歳以下の団体               | -  | -      | 152161 | -           | - | -      | group    | 5 | 4 | 10 | CHECK
            ワカチ力: 4人の団体                              | -  | -      | 152161 | -           | - | -      | group    | 4 | 4 | 10 | NOT_ELIGIBLE
            ワカチ力: 5人中3人が49歳以下                     | -  | -      | 152161 | -           | - | -      | group    | 5 | 3 | 10 | NOT_ELIGIBLE
            ワカチ力: 個人の申請                             | 30 | -      | 152161 | -           | - | -      | self     | - | - | 10 | NOT_ELIGIBLE
            宮津: 市内在住の高校生                           | 16 | -      | 262056 | high        | 1 | -      | self     | - | - | 2  | ELIGIBLE
            宮津: 宮津出身の20歳                             | 20 | 262056 | 26     | university  | 2 | -      | self     | - | - | 2  | ELIGIBLE
            宮津: 東京の40歳（関心のある方は誰でも）         | 40 | 13     | 13     | none        | - | -      | self     | - | - | 2  | CHECK
            くまらバ: 熊本県出身                             | 25 | 43     | 13     | -           | - | -      | -        | - | - | 3  | ELIGIBLE
            くまらバ: 熊本市中央区出身                       | 25 | 431010 | 13     | -           | - | -      | -        | - | - | 3  | ELIGIBLE
            くまらバ: 東京出身                               | 25 | 13     | 13     | -           | - | -      | -        | - | - | 3  | NOT_ELIGIBLE
            くまらバ: 出身未回答                             | 25 | -      | 13     | -           | - | -      | -        | - | - | 3  | CHECK
            鳥縁祭: 鳥取県出身                               | 21 | 31     | 13     | university  | 3 | -      | self     | - | - | 12 | ELIGIBLE
            鳥縁祭: 東京出身（ゆかりは確認）                 | 21 | 13     | 13     | university  | 3 | -      | self     | - | - | 12 | CHECK
            ウェルカニ: 鳥取出身の大学生                     | 21 | 31     | 13     | university  | 3 | -      | self     | - | - | 14 | ELIGIBLE
            ヒダスケ: 誰でも（文章の条件のみ）               | 50 | 13     | 13     | none        | - | -      | self     | - | - | 11 | CHECK
            I'm Your Home.: 旅立つ若者（文章の条件）         | 18 | 16     | 16     | high        | 3 | -      | self     | - | - | 15 | CHECK
            五戸: 学生（対話したいかは確認）                 | 17 | -      | 024422 | high        | 2 | -      | self     | - | - | 9  | CHECK
            もどかご: 就職を考える人（文章の条件）           | 22 | -      | 13     | university  | 4 | -      | self     | - | - | 4  | CHECK
            何も答えない人とエール便                         | -  | -      | -      | -           | - | -      | -        | - | - | 7  | CHECK
            """)
    void personas(String who, Integer age, String hometown, String residence, String school, Integer grade,
                  String familyHome, String applicant, Integer groupSize, Integer groupYoung, long program, Verdict expected) {
        assertThat(verdict(program, profile(age, hometown, residence, school, grade, familyHome, applicant, groupSize,
                groupYoung))).as(who).isEqualTo(expected);
    }

    @Test
    void reasonsExplainEachCriterion() {
        Evaluation e = checker.evaluate(programs.get(1L).groups(), profile(36, "09", "13", null, null, null, null, null, null));
        assertThat(e.groups().get(0).criteria()).extracting(Evaluation.CriterionResult::reasonKey)
                .containsExactly("eligibility.reason.origin.holds", "eligibility.reason.age.fails",
                        "eligibility.reason.residence.holds");
    }

    @Test
    void aWardIsInsideItsCity() {
        assertThat(checker.within("011011", "011002")).isTrue();
        assertThat(checker.within("011011", "01")).isTrue();
        assertThat(checker.within("13", "032018")).isFalse();
        assertThat(checker.within("03", "032018")).isNull();
    }
}
