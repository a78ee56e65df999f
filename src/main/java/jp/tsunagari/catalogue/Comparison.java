package jp.tsunagari.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Programs side by side: one column per program, one row per {@link ComparedFact}, each cell the fact's lines as shown.
 * A row is {@code same} when there are at least two programs and every cell has the same lines; otherwise the page
 * marks it as a difference. {@code missing} are the requested ids that are not published programs.
 */
public record Comparison(List<Column> columns, List<Row> rows, List<Long> missing) {

    public record Column(long id, String name) {
    }

    public record Row(ComparedFact fact, List<List<String>> cells, boolean same) {
        public String messageKey() {
            return fact.messageKey();
        }

        public boolean verbatim() {
            return fact.verbatim();
        }
    }

    public Comparison {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        missing = List.copyOf(missing);
    }

    /** The rows from each column's facts, in {@link ComparedFact} order; a fact a column lacks is an empty cell. */
    public static Comparison of(List<Column> columns, List<Map<ComparedFact, List<String>>> facts, List<Long> missing) {
        if (columns.size() != facts.size()) {
            throw new IllegalArgumentException("one map of facts per column");
        }
        List<Row> rows = new ArrayList<>();
        for (ComparedFact fact : ComparedFact.values()) {
            List<List<String>> cells = facts.stream().map(f -> List.copyOf(f.getOrDefault(fact, List.of()))).toList();
            boolean same = cells.size() >= 2 && cells.stream().allMatch(c -> c.equals(cells.get(0)));
            rows.add(new Row(fact, cells, same));
        }
        return new Comparison(columns, rows, missing);
    }

    public boolean enough() {
        return columns.size() >= 2;
    }

    public long sameCount() {
        return rows.stream().filter(Row::same).count();
    }
}
