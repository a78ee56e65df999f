package jp.tsunagari.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.tsunagari.catalogue.Category;
import jp.tsunagari.place.Prefecture;
import jp.tsunagari.search.Coverage;

/**
 * The overview's table of published programs per prefecture (rows) and category (columns), each cell with its number
 * and a shade of the heat scale; a row for programs without a prefecture, and the totals (each program once). The
 * shades are those of the tile map ({@link jp.tsunagari.place.TileMap}): 0 for none, else 1–4 by quarters of the
 * largest cell; {@link #steps} says in numbers which counts each shade stands for.
 */
record CoverageTable(List<Column> columns, List<Row> rows, Row withoutPrefecture, Row totals, long largest,
                     List<Step> steps) {

    record Column(String code, String name) {
    }

    /** A count and its shade (0–4; -1 for a total, which is not shaded). */
    record Cell(long count, int shade) {
    }

    /** A prefecture (code and name; both empty for the other rows), its cells in column order and its total. */
    record Row(String code, String name, List<Cell> cells, long total) {
    }

    /** Shade {@code shade} stands for {@code from}..{@code to} programs. */
    record Step(int shade, long from, long to) {
    }

    static CoverageTable of(Coverage.Counts counts, List<Category> categories, List<Prefecture> prefectures,
                            Locale locale) {
        long largest = counts.largestCell();
        List<Column> columns = categories.stream().map(c -> new Column(c.code(), c.name(locale))).toList();
        List<Row> rows = new ArrayList<>();
        for (Prefecture p : prefectures) {
            List<Cell> cells = categories.stream().map(c -> {
                long n = counts.cell(p.code(), c.code());
                return new Cell(n, shade(n, largest));
            }).toList();
            rows.add(new Row(p.code(), p.name(locale), cells, counts.prefecture(p.code())));
        }
        Row without = new Row("", "", categories.stream().map(c -> new Cell(counts.withoutPrefecture(c.code()), -1))
                .toList(), counts.withoutPrefecture());
        Row totals = new Row("", "", categories.stream().map(c -> new Cell(counts.category(c.code()), -1)).toList(),
                counts.total());
        return new CoverageTable(columns, rows, without, totals, largest, steps(largest));
    }

    /** 0 for none; else 1–4, the quarter of {@code largest} the count falls in (as the tile map shades). */
    static int shade(long count, long largest) {
        return count <= 0 || largest <= 0 ? 0 : (int) Math.min(4, Math.max(1, (4 * count + largest - 1) / largest));
    }

    /**
     * The shades that some count from 1 to {@code largest} takes, each with its range: shade k is the counts c with
     * (k - 1) × largest / 4 < c ≤ k × largest / 4.
     */
    static List<Step> steps(long largest) {
        List<Step> steps = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            long from = (k - 1) * largest / 4 + 1;
            long to = k * largest / 4;
            if (from <= to) {
                steps.add(new Step(k, from, to));
            }
        }
        return steps;
    }
}
