package jp.tsunagari.catalogue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.tsunagari.catalogue.internal.OrganizerName;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.system.Localized;

/**
 * What a list shows of a program: a projection, never the entity graph; {@code acceptance} is today's 受付状況;
 * {@code unconfirmedSince}, when not null, the day since which it has not been confirmed (shown after 15 months).
 */
public record ProgramCard(Row row, Set<Audience> audiences, KeyMetric keyMetric, List<Place> examplePlaces,
                          KeyEligibility keyEligibility, Acceptance acceptance, LocalDate unconfirmedSince) {

    /** The hard age ranges and applicant kinds of the program's target groups, for deciding at a glance. */
    public record KeyEligibility(List<String> ageRanges, Set<jp.tsunagari.eligibility.Applicant> applicants) {

        public static final KeyEligibility NONE = new KeyEligibility(List.of(), Set.of());

        public boolean hasAges() {
            return !ageRanges.isEmpty();
        }

        /** 15〜25歳 / 35歳以下 / 19〜35歳、35歳以下 */
        public String ages() {
            return String.join("、", ageRanges);
        }

        public static String range(Integer min, Integer max) {
            if (min != null && max != null) {
                return min + "〜" + max + "歳";
            }
            return max != null ? max + "歳以下" : min + "歳以上";
        }
    }

    /** The columns read by the list query. */
    public record Row(Long id, String name, String categoryCode, String categoryNameJa, String categoryNameEn,
                      String prefectureCode, String prefectureNameJa, String prefectureNameEn,
                      String municipalityCode, String municipalityNameJa, String municipalityNameEn,
                      Integer startYear, Integer startMonth, Integer eventYear, Integer eventMonth,
                      String summary, Lifecycle lifecycle, Integer endYear, Integer endMonth, LocalDate assuredOn) {
    }

    public record KeyMetric(String labelJa, String labelEn, long value, String unitJa, LocalDate asOf) {

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) ? labelEn : labelJa;
        }
    }

    public record Place(String code, String nameJa, String nameEn) implements Localized {
    }

    /** The month to name in 「この情報は…以降確認されていません」, or null. */
    public java.time.YearMonth unconfirmedMonth() {
        return unconfirmedSince == null ? null : java.time.YearMonth.from(unconfirmedSince);
    }

    public Long id() {
        return row.id();
    }

    public String name() {
        return row.name();
    }

    public Place category() {
        return new Place(row.categoryCode(), row.categoryNameJa(), row.categoryNameEn());
    }

    public boolean hasOrganizer() {
        return row.prefectureCode() != null;
    }

    /** 栃木県 / 京都府 宮津市 (English: Miyazu, Kyoto). */
    public String organizerName(Locale locale) {
        return OrganizerName.of(new Place(row.prefectureCode(), row.prefectureNameJa(), row.prefectureNameEn()),
                row.municipalityNameJa() == null ? null
                        : new Place(null, row.municipalityNameJa(), row.municipalityNameEn()), locale);
    }

    public YearMonth start() {
        return row.startYear() == null || row.startMonth() == null ? null : YearMonth.of(row.startYear(), row.startMonth());
    }

    public YearMonth event() {
        return row.eventYear() == null || row.eventMonth() == null ? null : YearMonth.of(row.eventYear(), row.eventMonth());
    }
}
