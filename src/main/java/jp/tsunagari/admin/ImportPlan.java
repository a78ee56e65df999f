package jp.tsunagari.admin;

import java.util.List;
import java.util.function.UnaryOperator;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.PublicationStatus;

/**
 * What an import would do, row by row (CSV) or entry by entry (JSON): create, update, leave unchanged, or refuse
 * with problems that name the row and the column or field. Nothing is applied unless every row is usable. Warnings
 * (a changed output-only column) do not stop the import; they stay on the report next to the apply button.
 */
record ImportPlan(String fileName, String format, boolean keepStatus, List<Row> rows, List<Problem> fileProblems) {

    public enum Kind { NEW, UPDATE, UNCHANGED, ERROR }

    /**
     * A problem or warning. {@code line}: for CSV the spreadsheet row (1 is the header row, the first program row 2,
     * as Excel numbers them however many lines a cell has); for JSON the line of the file; 0 for the file as a whole.
     * {@code column}: the CSV column's header text or the JSON field (may be null). {@code fileLine}: for CSV the
     * line of the file where the cell (or row) starts, a detail for text editors (0: not known). {@code letter}: the
     * CSV column as a spreadsheet names it (A, B, … AA), null when the column is not in the file.
     */
    public record Problem(int line, String column, String key, Object[] args, int fileLine, String letter) {

        public Problem(int line, String column, String key, Object[] args) {
            this(line, column, key, args, 0, null);
        }

        Problem at(int physicalLine, String columnLetter) {
            return new Problem(line, column, key, args, physicalLine, columnLetter);
        }

        /** The file's line is worth saying: known and not the same number as the row. */
        public boolean fileLineDiffers() {
            return fileLine > 0 && fileLine != line;
        }
    }

    /**
     * One program of the file; {@code publish} is whether applying publishes it; {@code warnings} are changes the
     * import leaves out (output-only columns).
     */
    public record Row(int line, Long id, String name, Kind kind, ProgramContent content, boolean publish,
               List<Problem> problems, List<Problem> warnings) {

        Row(int line, Long id, String name, Kind kind, ProgramContent content, boolean publish,
            List<Problem> problems) {
            this(line, id, name, kind, content, publish, problems, List.of());
        }

        Row withWarnings(List<Problem> more) {
            return more.isEmpty() ? this : new Row(line, id, name, kind, content, publish, problems,
                    java.util.stream.Stream.concat(warnings.stream(), more.stream()).toList());
        }

        /** The same row with every problem and warning passed through {@code locate} (adds file line and letter). */
        Row located(UnaryOperator<Problem> locate) {
            return new Row(line, id, name, kind, content, publish, problems.stream().map(locate).toList(),
                    warnings.stream().map(locate).toList());
        }
    }

    public boolean ok() {
        return fileProblems.isEmpty() && rows.stream().noneMatch(r -> r.kind() == Kind.ERROR);
    }

    public long count(Kind kind) {
        return rows.stream().filter(r -> r.kind() == kind).count();
    }

    /** Every problem in file order (file-level ones first). */
    public List<Problem> problems() {
        return java.util.stream.Stream.concat(fileProblems.stream(), rows.stream().flatMap(r -> r.problems().stream()))
                .toList();
    }

    /** Every warning in file order. */
    public List<Problem> warnings() {
        return rows.stream().flatMap(r -> r.warnings().stream()).toList();
    }

    static Row error(int line, Long id, String name, List<Problem> problems) {
        return new Row(line, id, name, Kind.ERROR, null, false, List.copyOf(problems));
    }

    static boolean publishes(boolean keepStatus, PublicationStatus inFile) {
        return keepStatus && inFile == PublicationStatus.PUBLISHED;
    }
}
