package jp.tsunagari.admin;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.catalogue.Channel;
import jp.tsunagari.catalogue.Lifecycle;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.opendata.ProgramTable;
import jp.tsunagari.opendata.ProgramTable.Column;
import jp.tsunagari.place.LgCode;
import jp.tsunagari.place.Municipality;
import jp.tsunagari.place.Prefecture;
import jp.tsunagari.search.Codes;

/**
 * Turns one row of the program table into program content: the columns the table imports replace those fields of
 * the program with that ID (or of a new program); everything else the program has (sections, examples, target
 * groups, further metrics…) stays as it is. 年齢下限, 年齢上限, 利用者区分, 掲載ページ, 出典 and データ注記 are output only.
 */
final class CsvRows {

    /** The content read (null if a cell could not be read at all) and the problems found. */
    record Read(ProgramContent content, List<ImportPlan.Problem> problems) {
    }

    private final ProgramTable.Names names;
    private final CategoryEditor categories;

    CsvRows(ProgramTable.Names names, CategoryEditor categories) {
        this.names = names;
        this.categories = categories;
    }

    /** The CSV column an edit-form field is read from (the field id for fields the table does not carry). */
    static String column(String formField) {
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
        ProgramContent b = base != null ? base : new ProgramContent("", "", null, "", null, null, null, null, null,
                null, null, Lifecycle.ONGOING, null, null, null, "", null, null, null, null, null, null, null, null,
                null);
        String[] organizer = organizer(line, cells, b, problems);
        String category = has(cells, Column.CATEGORY) ? category(line, cells.get(Column.CATEGORY), problems) : b.categoryCode();
        Channel channel = has(cells, Column.CHANNEL) ? choice(line, Column.CHANNEL, cells.get(Column.CHANNEL),
                Channel.values(), problems) : b.channel();
        Lifecycle lifecycle = has(cells, Column.STATUS) ? choice(line, Column.STATUS, cells.get(Column.STATUS),
                Lifecycle.values(), problems) : b.lifecycle();
        Integer startYear = b.startYear();
        Integer startMonth = b.startMonth();
        if (has(cells, Column.START)) {
            String start = cells.get(Column.START);
            startYear = null;
            startMonth = null;
            if (!start.isEmpty()) {
                try {
                    YearMonth ym = YearMonth.parse(start.replace('/', '-'));
                    startYear = ym.getYear();
                    startMonth = ym.getMonthValue();
                } catch (DateTimeParseException e) {
                    problems.add(problem(line, Column.START, "admin.import.error.yearMonth"));
                }
            }
        }
        List<ProgramContent.Metric> metrics = metrics(line, cells, b, problems);
        if (!problems.isEmpty()) {
            return new Read(null, problems);
        }
        ProgramContent content = new ProgramContent(text(cells, Column.NAME, b.name()),
                text(cells, Column.NAME_KANA, b.nameKana()), b.nameEn(), category, organizer[0], organizer[1],
                startYear, startMonth, b.eventYear(), b.eventMonth(), channel, lifecycle,
                optional(cells, Column.SUMMARY, b.summary()), optional(cells, Column.BENEFIT, b.benefit()),
                optional(cells, Column.URL, b.officialUrl()), text(cells, Column.ELIGIBILITY, b.eligibilityText()),
                b.examplesHeading(), b.sourceDocumentId(), b.sourceSection(), b.sourceOrder(), b.sections(), metrics,
                b.examples(), b.dataNotes(), b.targetGroups());
        return new Read(content, problems);
    }

    private static boolean has(Map<Column, String> cells, Column c) {
        return cells.containsKey(c);
    }

    private static String text(Map<Column, String> cells, Column c, String base) {
        return cells.containsKey(c) ? cells.get(c) : base;
    }

    private static String optional(Map<Column, String> cells, Column c, String base) {
        if (!cells.containsKey(c)) {
            return base;
        }
        return cells.get(c).isEmpty() ? null : cells.get(c);
    }

    private static ImportPlan.Problem problem(int line, Column c, String key, Object... args) {
        return new ImportPlan.Problem(line, c.header(), key, args);
    }

    /**
     * The organizer from 全国地方公共団体コード (a municipality's, or a prefecture's such as 020001), checked against
     * 都道府県名 and 市区町村名 when they are given; without a code, from the names.
     */
    private String[] organizer(int line, Map<Column, String> cells, ProgramContent b, List<ImportPlan.Problem> problems) {
        if (!has(cells, Column.LG_CODE) && !has(cells, Column.PREFECTURE) && !has(cells, Column.MUNICIPALITY)) {
            return new String[] {b.organizerPrefectureCode(), b.organizerMunicipalityCode()};
        }
        String code = cells.getOrDefault(Column.LG_CODE, "");
        String prefName = cells.getOrDefault(Column.PREFECTURE, "");
        String muniName = cells.getOrDefault(Column.MUNICIPALITY, "");
        Prefecture pref = null;
        Municipality muni = null;
        if (!code.isEmpty()) {
            if (!code.matches("\\d{6}") || !LgCode.isValid(code)
                    || (code.startsWith("000", 2) && !LgCode.isPrefectureCode(code.substring(0, 2)))) {
                problems.add(problem(line, Column.LG_CODE, "admin.import.error.lgCode", code));
                return new String[2];
            }
            if (code.startsWith("000", 2)) {
                pref = names.prefectures().get(code.substring(0, 2));
            } else {
                muni = names.municipalities().get(code);
                if (muni == null) {
                    problems.add(problem(line, Column.LG_CODE, "admin.import.error.lgCodeUnknown", code));
                    return new String[2];
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
        } else if (!prefName.isEmpty()) {
            pref = names.prefectures().values().stream().filter(p -> p.nameJa().equals(prefName)).findFirst()
                    .orElse(null);
            if (pref == null) {
                problems.add(problem(line, Column.PREFECTURE, "admin.import.error.prefecture", prefName));
                return new String[2];
            }
            if (!muniName.isEmpty()) {
                String prefCode = pref.code();
                List<Municipality> found = names.municipalities().values().stream()
                        .filter(m -> m.prefectureCode().equals(prefCode) && m.nameJa().equals(muniName)).toList();
                if (found.size() != 1) {
                    problems.add(problem(line, Column.MUNICIPALITY, "admin.import.error.municipality", muniName,
                            prefName));
                    return new String[2];
                }
                muni = found.get(0);
            }
        } else if (!muniName.isEmpty()) {
            problems.add(problem(line, Column.PREFECTURE, "admin.import.error.prefectureNeeded"));
            return new String[2];
        }
        return new String[] {pref == null ? null : pref.code(), muni == null ? null : muni.lgCode()};
    }

    private String category(int line, String typed, List<ImportPlan.Problem> problems) {
        Optional<String> code = categories.all().stream()
                .filter(c -> c.code().equals(typed) || c.nameJa().equals(typed) || typed.equals(c.nameEn()))
                .map(c -> c.code()).findFirst();
        if (code.isEmpty()) {
            problems.add(problem(line, Column.CATEGORY, "admin.import.error.category", typed));
            return null;
        }
        return code.get();
    }

    private <E extends Enum<E>> E choice(int line, Column column, String typed, E[] values,
                                         List<ImportPlan.Problem> problems) {
        if (typed.isEmpty()) {
            return null;
        }
        for (E v : values) {
            String label = names.labels().get((column == Column.CHANNEL ? "channel." : "lifecycle.") + v.name());
            String code = v instanceof Channel c ? Codes.channel(c) : Codes.status((Lifecycle) v);
            if (typed.equals(label) || typed.equalsIgnoreCase(code) || typed.equalsIgnoreCase(v.name())) {
                return v;
            }
        }
        problems.add(problem(line, column, "admin.import.error.choice", typed));
        return null;
    }

    /** The first metric from the four 指標 columns; the program's further metrics stay. All four empty: no first. */
    private static List<ProgramContent.Metric> metrics(int line, Map<Column, String> cells, ProgramContent b,
                                                       List<ImportPlan.Problem> problems) {
        List<Column> columns = List.of(Column.METRIC, Column.METRIC_VALUE, Column.METRIC_UNIT, Column.METRIC_AS_OF);
        if (columns.stream().noneMatch(cells::containsKey)) {
            return b.metrics();
        }
        List<ProgramContent.Metric> rest = b.metrics().size() > 1 ? b.metrics().subList(1, b.metrics().size())
                : List.of();
        ProgramContent.Metric first = b.metrics().isEmpty() ? null : b.metrics().get(0);
        String label = cells.getOrDefault(Column.METRIC, first == null ? "" : first.labelJa());
        String value = cells.getOrDefault(Column.METRIC_VALUE, first == null ? "" : Long.toString(first.value()));
        String unit = cells.getOrDefault(Column.METRIC_UNIT, first == null ? "" : first.unitJa());
        String asOf = cells.getOrDefault(Column.METRIC_AS_OF, first == null || first.asOf() == null ? ""
                : first.asOf().toString());
        if (label.isEmpty() && value.isEmpty() && unit.isEmpty() && asOf.isEmpty()) {
            return rest;
        }
        Long number = null;
        if (!value.matches("\\d{1,15}")) {
            problems.add(problem(line, Column.METRIC_VALUE, "admin.error.count"));
        } else {
            number = Long.parseLong(value);
        }
        LocalDate date = null;
        try {
            date = LocalDate.parse(asOf.replace('/', '-'));
        } catch (DateTimeParseException e) {
            problems.add(problem(line, Column.METRIC_AS_OF, "admin.error.date"));
        }
        if (label.isEmpty()) {
            problems.add(problem(line, Column.METRIC, "admin.error.required"));
        }
        if (unit.isEmpty()) {
            problems.add(problem(line, Column.METRIC_UNIT, "admin.error.required"));
        }
        if (number == null || date == null || label.isEmpty() || unit.isEmpty()) {
            return rest;
        }
        String labelEn = first != null && first.labelJa().equals(label) ? first.labelEn() : label;
        List<ProgramContent.Metric> out = new ArrayList<>();
        out.add(new ProgramContent.Metric(label, labelEn, number, unit, date));
        out.addAll(rest);
        return out;
    }
}
