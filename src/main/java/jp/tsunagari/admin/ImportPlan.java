package jp.tsunagari.admin;

import java.util.List;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.PublicationStatus;

/**
 * What an import would do, row by row (CSV) or entry by entry (JSON): create, update, leave unchanged, or refuse
 * with problems that name the line and the column or field. Nothing is applied unless every row is usable.
 */
record ImportPlan(String fileName, String format, boolean keepStatus, List<Row> rows, List<Problem> fileProblems) {

    public enum Kind { NEW, UPDATE, UNCHANGED, ERROR }

    /** A problem: the line of the file, the CSV column or JSON field (may be null), a message key and arguments. */
    public record Problem(int line, String column, String key, Object[] args) {
    }

    /** One program of the file; {@code publish} is whether applying publishes it. */
    public record Row(int line, Long id, String name, Kind kind, ProgramContent content, boolean publish,
               List<Problem> problems) {
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

    static Row error(int line, Long id, String name, List<Problem> problems) {
        return new Row(line, id, name, Kind.ERROR, null, false, List.copyOf(problems));
    }

    static boolean publishes(boolean keepStatus, PublicationStatus inFile) {
        return keepStatus && inFile == PublicationStatus.PUBLISHED;
    }
}
