package jp.tsunagari.opendata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramValueReader;
import jp.tsunagari.catalogue.SourceDocument;
import jp.tsunagari.eligibility.CriterionType;
import jp.tsunagari.eligibility.Strength;
import jp.tsunagari.place.Municipality;
import jp.tsunagari.place.Prefecture;

/**
 * The program table of the CSV download and CSV import, one row per program, following the 自治体標準オープンデータセット
 * conventions: 全国地方公共団体コード first, then ID, codes as text with their leading zeros, UTF-8.
 * See docs/open-data.md for what every column means.
 */
public final class ProgramTable {

    /** The columns in file order. {@code imported}: read back by the import (the others are derived or output only). */
    public enum Column {
        LG_CODE("全国地方公共団体コード", true),
        ID("ID", true),
        PREFECTURE("都道府県名", true),
        MUNICIPALITY("市区町村名", true),
        NAME("施策名", true),
        NAME_KANA("施策名よみ", true),
        CATEGORY("区分", true),
        CHANNEL("主な手段", true),
        STATUS("状況", true),
        START("開始年月", true),
        SUMMARY("概要", true),
        BENEFIT("内容", true),
        ELIGIBILITY("対象", true),
        MIN_AGE("年齢下限", false),
        MAX_AGE("年齢上限", false),
        AUDIENCE("利用者区分", false),
        METRIC("指標", true),
        METRIC_VALUE("指標値", true),
        METRIC_UNIT("指標単位", true),
        METRIC_AS_OF("指標基準日", true),
        URL("URL", true),
        PAGE("掲載ページ", false),
        SOURCE("出典", false),
        DATA_NOTES("データ注記", false),
        CONFIRMED_ON("最終確認日", false),
        APPLY_METHOD("申込方法", true),
        APPLY_URL("申込先URL", true),
        CONTACT_DEPARTMENT("問い合わせ部署", true),
        CONTACT_PHONE("問い合わせ電話番号", true),
        CONTACT_EMAIL("問い合わせメールアドレス", true),
        CONTACT_URL("問い合わせURL", true),
        DOCUMENTS("必要書類", true),
        COST("利用者の費用", true),
        END("終了年月", true),
        PERIODS("受付期間", true),
        /** 確認済み, 要再確認 (not confirmed for 12 months) or 長期間未確認 (15 months: the pages say so), today. */
        CONFIRMATION("確認状況", false);

        private final String header;
        private final boolean imported;

        Column(String header, boolean imported) {
            this.header = header;
            this.imported = imported;
        }

        public String header() {
            return header;
        }

        public boolean imported() {
            return imported;
        }
    }

    /** 利用者の費用 cells: 無料, an amount in yen (1500円), or any other text. */
    public static final String FREE = "無料";
    public static final String YEN = "円";
    /** A yearly 受付期間 cell line starts with this: 「毎年 2026-04-01/2026-05-31」. */
    public static final String YEARLY = "毎年";

    private ProgramTable() {
    }

    public static List<String> headers() {
        return java.util.Arrays.stream(Column.values()).map(Column::header).toList();
    }

    /**
     * Names the table needs: prefectures and municipalities by code, category names by code, audience names by code,
     * Japanese labels of channels and statuses by message key ({@code channel.LINE}, {@code lifecycle.ONGOING}),
     * and source documents.
     */
    public record Names(Map<String, Prefecture> prefectures, Map<String, Municipality> municipalities,
                        Map<String, String> categories, Map<String, String> audiences, Map<String, String> labels,
                        Map<Integer, SourceDocument> sources) {
    }

    /** The row of one program, as text cells in column order (not yet made safe for spreadsheets). */
    public static List<String> row(ProgramValueReader.Entry e, String pageUrl, Names names,
                                   jp.tsunagari.catalogue.Freshness.State confirmation) {
        ProgramContent c = e.content();
        Prefecture pref = c.organizerPrefectureCode() == null ? null : names.prefectures().get(c.organizerPrefectureCode());
        Municipality muni = c.organizerMunicipalityCode() == null ? null
                : names.municipalities().get(c.organizerMunicipalityCode());
        ProgramContent.Metric metric = c.metrics().isEmpty() ? null : c.metrics().get(0);
        Integer[] ages = ageEnvelope(c);
        SourceDocument source = c.sourceDocumentId() == null ? null : names.sources().get(c.sourceDocumentId());
        List<String> cells = new ArrayList<>();
        cells.add(muni != null ? muni.lgCode() : pref != null ? pref.lgCode() : "");
        cells.add(Long.toString(e.id()));
        cells.add(pref == null ? "" : pref.nameJa());
        cells.add(muni == null ? "" : muni.nameJa());
        cells.add(c.name());
        cells.add(text(c.nameKana()));
        cells.add(names.categories().getOrDefault(c.categoryCode(), c.categoryCode()));
        cells.add(c.channel() == null ? "" : names.labels().getOrDefault("channel." + c.channel().name(), ""));
        cells.add(c.lifecycle() == null ? "" : names.labels().getOrDefault("lifecycle." + c.lifecycle().name(), ""));
        cells.add(c.startYear() == null || c.startMonth() == null ? ""
                : java.time.YearMonth.of(c.startYear(), c.startMonth()).toString());
        cells.add(text(c.summary()));
        cells.add(text(c.benefit()));
        cells.add(text(c.eligibilityText()));
        cells.add(ages[0] == null ? "" : ages[0].toString());
        cells.add(ages[1] == null ? "" : ages[1].toString());
        cells.add(String.join("、", e.audiences().stream().map(a -> names.audiences().getOrDefault(a.code(), a.code()))
                .toList()));
        cells.add(metric == null ? "" : metric.labelJa());
        cells.add(metric == null ? "" : Long.toString(metric.value()));
        cells.add(metric == null ? "" : text(metric.unitJa()));
        cells.add(metric == null || metric.asOf() == null ? "" : metric.asOf().toString());
        cells.add(text(c.officialUrl()));
        cells.add(pageUrl);
        cells.add(source == null ? "" : source.title()
                + (c.sourceSection() == null ? "" : "（" + c.sourceSection() + "）"));
        cells.add(String.join("\n", c.dataNotes().stream().map(ProgramContent.Note::ja).toList()));
        cells.add(e.confirmedOn() == null ? "" : e.confirmedOn().toString());
        applicationCells(c, cells);
        cells.add(switch (confirmation) {
            case CURRENT -> "確認済み";
            case DUE -> "要再確認";
            case UNCONFIRMED -> "長期間未確認";
        });
        return cells;
    }

    /** 申込方法 to 受付期間: what staff registered (all empty for the seeded programs). */
    private static void applicationCells(ProgramContent c, List<String> cells) {
        ProgramContent.Application a = c.application();
        cells.add(text(a.method()));
        cells.add(text(a.applyUrl()));
        cells.add(text(a.contactDepartment()));
        cells.add(text(a.contactPhone()));
        cells.add(text(a.contactEmail()));
        cells.add(text(a.contactUrl()));
        cells.add(String.join("\n", a.documents()));
        cells.add(a.cost() == null ? "" : switch (a.cost()) {
            case FREE -> FREE;
            case AMOUNT -> a.costAmount() + YEN;
            case TEXT -> text(a.costText());
        });
        ProgramContent.Schedule s = c.schedule();
        cells.add(s.endYear() == null ? "" : s.endMonth() == null ? s.endYear().toString()
                : java.time.YearMonth.of(s.endYear(), s.endMonth()).toString());
        cells.add(String.join("\n", s.periods().stream().map(ProgramTable::period).toList()));
    }

    /** One 受付期間 as a cell line: {@code 2026-04-01/2026-05-31}, yearly ones prefixed 「毎年 」. */
    static String period(ProgramContent.Period p) {
        return (p.yearly() ? YEARLY + " " : "") + p.start() + "/" + p.end();
    }

    /**
     * The ages outside which nobody qualifies: 年齢下限 is the lowest minimum if every target group has a required
     * minimum age, 年齢上限 the highest maximum if every group has a required maximum; otherwise empty.
     */
    public static Integer[] ageEnvelope(ProgramContent c) {
        if (c.targetGroups().isEmpty()) {
            return new Integer[] {null, null};
        }
        Integer min = null;
        Integer max = null;
        boolean everyMin = true;
        boolean everyMax = true;
        for (ProgramContent.Group g : c.targetGroups()) {
            List<ProgramContent.Rule> ages = g.criteria().stream()
                    .filter(r -> r.type() == CriterionType.AGE && r.strength() == Strength.HARD).toList();
            Integer gMin = ages.stream().map(ProgramContent.Rule::minAge).filter(Objects::nonNull).max(Integer::compare)
                    .orElse(null);
            Integer gMax = ages.stream().map(ProgramContent.Rule::maxAge).filter(Objects::nonNull).min(Integer::compare)
                    .orElse(null);
            everyMin &= gMin != null;
            everyMax &= gMax != null;
            if (gMin != null) {
                min = min == null ? gMin : Math.min(min, gMin);
            }
            if (gMax != null) {
                max = max == null ? gMax : Math.max(max, gMax);
            }
        }
        return new Integer[] {everyMin ? min : null, everyMax ? max : null};
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
