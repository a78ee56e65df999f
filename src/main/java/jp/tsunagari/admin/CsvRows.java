package jp.tsunagari.admin;

import jakarta.validation.ConstraintViolation;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tsunagari.admin.ProgramForm.MetricForm;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.catalogue.Channel;
import jp.tsunagari.catalogue.Lifecycle;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.opendata.ProgramTable.Column;
import jp.tsunagari.opendata.ProgramTable;
import jp.tsunagari.place.LocalGovernmentCode;
import jp.tsunagari.place.Municipality;
import jp.tsunagari.place.Prefecture;
import jp.tsunagari.search.Codes;
import jp.tsunagari.system.Violations;

/**
 * Turns one row of the program table into the program form: the columns the table imports replace those fields of
 * the program with that ID (or of a new program); everything else the program has (sections, examples, target
 * groups, further metrics…) stays as it is. 年齢下限, 年齢上限, 利用者区分, 掲載ページ, 出典, データ注記 and 最終確認日 are
 * output only; the application and schedule columns are read by {@link CsvApplicationCells}.
 * Names the table uses (category, channel and status labels, place names, 2025/04) become the form's codes here;
 * the form is then validated like the edit form ({@link ImportCheck}).
 */
final class CsvRows {

    /** The form read (its values still unchecked) and the problems found while reading the cells. */
    record Read(ProgramForm form, List<ImportPlan.Problem> problems) {
    }

    /** The 全国地方公共団体コード cell, checked by the same validator as every form. */
    record LgCodeCell(@LocalGovernmentCode String code) {
    }

    private final ProgramTable.Names names;
    private final CategoryEditor categories;
    private final ImportCheck check;

    CsvRows(ProgramTable.Names names, CategoryEditor categories, ImportCheck check) {
        this.names = names;
        this.categories = categories;
        this.check = check;
    }

    /** The CSV column an edit-form field is read from (the field id for fields the table does not carry). */
    static String column(String formField) {
        Column application = CsvApplicationCells.column(formField);
        if (application != null) {
            return application.header();
        }
        Column c = switch (formField) {
            case "name" -> Column.NAME;
            case "nameKana" -> Column.NAME_KANA;
            case "category" -> Column.CATEGORY;
            case "prefecture", "municipality" -> Column.LG_CODE;
            case "startYear", "startMonth" -> Column.START;
            case "channel" -> Column.CHANNEL;
            case "lifecycle" -> Column.STATUS;
            case "summary" -> Column.SUMMARY;
            case "benefit" -> Column.BENEFIT;
            case "eligibilityText" -> Column.ELIGIBILITY;
            case "officialUrl" -> Column.URL;
            case "metrics-0-labelJa" -> Column.METRIC;
            case "metrics-0-value" -> Column.METRIC_VALUE;
            case "metrics-0-unit" -> Column.METRIC_UNIT;
            case "metrics-0-asOf" -> Column.METRIC_AS_OF;
            default -> null;
        };
        return c == null ? formField : c.header();
    }

    Read read(int line, Map<Column, String> cells, ProgramContent base) {
        List<ImportPlan.Problem> problems = new ArrayList<>();
        ProgramForm f = base == null ? new ProgramForm() : check.mapper().toForm(base, 0);
        organizer(line, cells, f, problems);
        if (has(cells, Column.CATEGORY)) {
            f.category = category(line, cells.get(Column.CATEGORY), problems);
        }
        if (has(cells, Column.CHANNEL)) {
            f.channel = choice(line, Column.CHANNEL, cells.get(Column.CHANNEL), Channel.values(), problems);
        }
        if (has(cells, Column.STATUS)) {
            f.lifecycle = choice(line, Column.STATUS, cells.get(Column.STATUS), Lifecycle.values(), problems);
        }
        if (has(cells, Column.START)) {
            start(line, cells.get(Column.START), f, problems);
        }
        f.name = cells.getOrDefault(Column.NAME, f.name);
        f.nameKana = cells.getOrDefault(Column.NAME_KANA, f.nameKana);
        f.summary = cells.getOrDefault(Column.SUMMARY, f.summary);
        f.benefit = cells.getOrDefault(Column.BENEFIT, f.benefit);
        f.officialUrl = cells.getOrDefault(Column.URL, f.officialUrl);
        f.eligibilityText = cells.getOrDefault(Column.ELIGIBILITY, f.eligibilityText);
        metrics(cells, f);
        CsvApplicationCells.read(line, cells, f, problems);
        return new Read(f, problems);
    }

    /** 開始年月 as 2025-04 or 2025/04; empty clears it. */
    private static void start(int line, String start, ProgramForm f, List<ImportPlan.Problem> problems) {
        f.startYear = "";
        f.startMonth = "";
        if (!start.isEmpty()) {
            try {
                YearMonth ym = YearMonth.parse(start.replace('/', '-'));
                f.startYear = Integer.toString(ym.getYear());
                f.startMonth = Integer.toString(ym.getMonthValue());
            } catch (DateTimeParseException e) {
                problems.add(problem(line, Column.START, "admin.import.error.yearMonth"));
            }
        }
    }

    private static boolean has(Map<Column, String> cells, Column c) {
        return cells.containsKey(c);
    }

    private static ImportPlan.Problem problem(int line, Column c, String key, Object... args) {
        return new ImportPlan.Problem(line, c.header(), key, args);
    }

    /**
     * The organizer from 全国地方公共団体コード (a municipality's, or a prefecture's such as 020001), checked against
     * 都道府県名 and 市区町村名 when they are given; without a code, from the names.
     */
    private void organizer(int line, Map<Column, String> cells, ProgramForm f, List<ImportPlan.Problem> problems) {
        if (!has(cells, Column.LG_CODE) && !has(cells, Column.PREFECTURE) && !has(cells, Column.MUNICIPALITY)) {
            return;
        }
        String code = cells.getOrDefault(Column.LG_CODE, "");
        String prefName = cells.getOrDefault(Column.PREFECTURE, "");
        String muniName = cells.getOrDefault(Column.MUNICIPALITY, "");
        Place place = !code.isEmpty() ? byCode(line, code, prefName, muniName, problems)
                : byNames(line, prefName, muniName, problems);
        f.prefecture = place.pref() == null ? "" : place.pref().code();
        f.municipality = place.muni() == null ? "" : place.muni().lgCode();
    }

    private record Place(Prefecture pref, Municipality muni) {
        static final Place NONE = new Place(null, null);
    }

    private Place byCode(int line, String code, String prefName, String muniName, List<ImportPlan.Problem> problems) {
        for (ConstraintViolation<LgCodeCell> v : check.validator().validate(new LgCodeCell(code))) {
            problems.add(problem(line, Column.LG_CODE, Violations.key(v), Violations.args(v)));
            return Place.NONE;
        }
        Prefecture pref;
        Municipality muni = null;
        if (code.startsWith("000", 2)) {
            pref = names.prefectures().get(code.substring(0, 2));
        } else {
            muni = names.municipalities().get(code);
            if (muni == null) {
                problems.add(problem(line, Column.LG_CODE, "admin.import.error.lgCodeUnknown", code));
                return Place.NONE;
            }
            pref = names.prefectures().get(muni.prefectureCode());
        }
        if (!prefName.isEmpty() && (pref == null || !prefName.equals(pref.nameJa()))) {
            problems.add(problem(line, Column.PREFECTURE, "admin.import.error.nameMismatch", prefName, code,
                    pref == null ? "" : pref.nameJa()));
        }
        if (!muniName.isEmpty() && (muni == null || !muniName.equals(muni.nameJa()))) {
            problems.add(problem(line, Column.MUNICIPALITY, "admin.import.error.nameMismatch", muniName, code,
                    muni == null ? "" : muni.nameJa()));
        }
        return new Place(pref, muni);
    }

    private Place byNames(int line, String prefName, String muniName, List<ImportPlan.Problem> problems) {
        if (prefName.isEmpty()) {
            if (!muniName.isEmpty()) {
                problems.add(problem(line, Column.PREFECTURE, "admin.import.error.prefectureNeeded"));
            }
            return Place.NONE;
        }
        Prefecture pref = names.prefectures().values().stream().filter(p -> p.nameJa().equals(prefName)).findFirst()
                .orElse(null);
        if (pref == null) {
            problems.add(problem(line, Column.PREFECTURE, "admin.import.error.prefecture", prefName));
            return Place.NONE;
        }
        if (muniName.isEmpty()) {
            return new Place(pref, null);
        }
        List<Municipality> found = names.municipalities().values().stream()
                .filter(m -> m.prefectureCode().equals(pref.code()) && m.nameJa().equals(muniName)).toList();
        if (found.size() != 1) {
            problems.add(problem(line, Column.MUNICIPALITY, "admin.import.error.municipality", muniName, prefName));
            return Place.NONE;
        }
        return new Place(pref, found.get(0));
    }

    /** The category's code, from its code or its Japanese or English name. */
    private String category(int line, String typed, List<ImportPlan.Problem> problems) {
        Optional<String> code = categories.all().stream()
                .filter(c -> c.code().equals(typed) || c.nameJa().equals(typed) || typed.equals(c.nameEn()))
                .map(c -> c.code()).findFirst();
        if (code.isEmpty()) {
            problems.add(problem(line, Column.CATEGORY, "admin.import.error.category", typed));
            return "";
        }
        return code.get();
    }

    /** The constant's name, from the table's label, its code or its name; "" when empty or unknown. */
    private <E extends Enum<E>> String choice(int line, Column column, String typed, E[] values,
                                              List<ImportPlan.Problem> problems) {
        if (typed.isEmpty()) {
            return "";
        }
        for (E v : values) {
            String label = names.labels().get((column == Column.CHANNEL ? "channel." : "lifecycle.") + v.name());
            String code = v instanceof Channel c ? Codes.channel(c) : Codes.status((Lifecycle) v);
            if (typed.equals(label) || typed.equalsIgnoreCase(code) || typed.equalsIgnoreCase(v.name())) {
                return v.name();
            }
        }
        problems.add(problem(line, column, "admin.import.error.choice", typed));
        return "";
    }

    /**
     * The first metric from the four 指標 columns (dates also as 2025/04/01); the program's further metrics stay.
     * All four empty: no first metric.
     */
    private static void metrics(Map<Column, String> cells, ProgramForm f) {
        List<Column> columns = List.of(Column.METRIC, Column.METRIC_VALUE, Column.METRIC_UNIT, Column.METRIC_AS_OF);
        if (columns.stream().noneMatch(cells::containsKey)) {
            return;
        }
        MetricForm first = f.metrics.isEmpty() ? null : f.metrics.remove(0);
        MetricForm m = new MetricForm();
        m.labelJa = cells.getOrDefault(Column.METRIC, first == null ? "" : first.labelJa);
        m.value = cells.getOrDefault(Column.METRIC_VALUE, first == null ? "" : first.value);
        m.unit = cells.getOrDefault(Column.METRIC_UNIT, first == null ? "" : first.unit);
        m.asOf = cells.getOrDefault(Column.METRIC_AS_OF, first == null ? "" : first.asOf).replace('/', '-');
        if (m.labelJa.isEmpty() && m.value.isEmpty() && m.unit.isEmpty() && m.asOf.isEmpty()) {
            return;
        }
        m.labelEn = first != null && first.labelJa.equals(m.labelJa) ? first.labelEn : m.labelJa;
        f.metrics.add(0, m);
    }
}
