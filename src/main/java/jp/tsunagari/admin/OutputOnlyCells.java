package jp.tsunagari.admin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tsunagari.catalogue.Freshness;
import jp.tsunagari.catalogue.ProgramValueReader;
import jp.tsunagari.opendata.ProgramTable;
import jp.tsunagari.opendata.ProgramTable.Column;
import org.springframework.stereotype.Component;

/**
 * The program table's output-only columns (年齢下限, 年齢上限, 利用者区分, 掲載ページ, 出典, データ注記, 最終確認日, 確認状況:
 * every {@link Column} that is not {@link Column#imported()}) are not read by the import. So that an edit there is
 * not dropped silently, each cell of a row is compared with what the CSV download writes for that program now (its
 * published version; nothing for a new program or one never published): a cell that differs is a warning on the row,
 * naming the column. The comparison forgives what a spreadsheet does on saving: line ends, spaces around the text,
 * dates written 2025/3/4, and another host in 掲載ページ (only the path /programs/ID counts).
 */
@Component
class OutputOnlyCells {

    static final String WARNING = "admin.import.warning.outputOnly";

    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");

    private final ProgramValueReader data;
    private final Freshness freshness;

    OutputOnlyCells(ProgramValueReader data, Freshness freshness) {
        this.data = data;
        this.freshness = freshness;
    }

    /** The day the 確認状況 column is judged on (once per file). */
    LocalDate today() {
        return freshness.today();
    }

    /** A warning for each output-only cell of the row that differs from the download's; reads nothing if all empty. */
    List<ImportPlan.Problem> warnings(int row, Long id, Map<Column, String> cells, ProgramTable.Names names,
                                      LocalDate today) {
        if (cells.isEmpty() || (id == null && cells.values().stream().allMatch(String::isEmpty))) {
            return List.of();
        }
        List<String> expected = id == null ? null : data.published(id).map(e -> ProgramTable.row(e, "", names,
                freshness.state(e.assuredOn(), today))).orElse(null);
        List<ImportPlan.Problem> warnings = new ArrayList<>();
        for (Column c : Column.values()) {
            String typed = cells.get(c);
            if (typed == null) {
                continue;
            }
            String was = expected == null ? "" : expected.get(c.ordinal());
            boolean same = c == Column.PAGE ? samePage(typed, id, expected != null) : normal(c, typed).equals(
                    normal(c, was));
            if (!same) {
                warnings.add(new ImportPlan.Problem(row, c.header(), WARNING, new Object[] {c.header()}));
            }
        }
        return warnings;
    }

    /** 掲載ページ: empty for a program not published, else any address ending in /programs/ID. */
    private static boolean samePage(String typed, Long id, boolean published) {
        String t = typed.strip();
        return published ? t.endsWith("/programs/" + id) : t.isEmpty();
    }

    private static String normal(Column c, String cell) {
        String text = cell.strip().replaceAll("\\R", "\n");
        if (c == Column.CONFIRMED_ON) {
            Matcher m = DATE.matcher(text);
            if (m.matches()) {
                return m.group(1) + "-" + pad(m.group(2)) + "-" + pad(m.group(3));
            }
        }
        return text;
    }

    private static String pad(String number) {
        return number.length() == 1 ? "0" + number : number;
    }
}
