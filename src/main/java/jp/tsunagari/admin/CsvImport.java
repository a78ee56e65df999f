package jp.tsunagari.admin;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.opendata.Csv;
import jp.tsunagari.opendata.ProgramTable;
import jp.tsunagari.opendata.ProgramTable.Column;
import jp.tsunagari.opendata.ProgramTableNames;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * The CSV half of the import (the program table): each record becomes a row of the plan, numbered as a spreadsheet
 * numbers it (the header is row 1, the n-th record row n + 1, however many lines its cells span); every problem
 * names the column by its header text and letter, with the line of the file where that cell starts as a detail.
 * Output-only columns are compared, not read ({@link OutputOnlyCells}). A file of more than
 * {@link CatalogueImport#MAX_ROWS} records is refused before any row is checked.
 */
@Component
class CsvImport {

    private static final CSVFormat FORMAT = Csv.FORMAT.builder().setHeader().setSkipHeaderRecord(true)
            .setQuoteMode(null).get();

    private final ProgramEditor editor;
    private final ImportCheck check;
    private final CategoryEditor categories;
    private final ProgramTableNames tableNames;
    private final OutputOnlyCells outputOnly;

    CsvImport(ProgramEditor editor, ImportCheck check, CategoryEditor categories, ProgramTableNames tableNames,
              OutputOnlyCells outputOnly) {
        this.editor = editor;
        this.check = check;
        this.categories = categories;
        this.tableNames = tableNames;
        this.outputOnly = outputOnly;
    }

    /** What one plan needs beside the rows: names, ids seen, the header positions, the day. */
    private record Context(ProgramTable.Names names, CsvRows rows, Set<Long> seen, Map<String, Integer> positions,
                           LocalDate today) {
    }

    ImportPlan plan(String name, String text, boolean keepStatus) {
        List<ImportPlan.Row> rows = new ArrayList<>();
        List<ImportPlan.Problem> fileProblems = new ArrayList<>();
        String delimiter = FileChecks.wrongDelimiter(text);
        if (delimiter != null) {
            fileProblems.add(new ImportPlan.Problem(0, null, delimiter, new Object[0]));
            return new ImportPlan(name, "csv", keepStatus, rows, fileProblems);
        }
        if (tooManyRecords(text)) {
            return CatalogueImport.fileError(name, "csv", keepStatus, "admin.import.error.tooManyRows",
                    CatalogueImport.MAX_ROWS);
        }
        int record = 0;
        long lineAfter = 1;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            Map<String, Integer> positions = new HashMap<>();
            fileProblems.addAll(headerProblems(parser.getHeaderNames(), positions));
            if (!fileProblems.isEmpty()) {
                return new ImportPlan(name, "csv", keepStatus, rows, fileProblems);
            }
            ProgramTable.Names names = tableNames.names();
            Context context = new Context(names, new CsvRows(names, categories, check), new HashSet<>(), positions,
                    outputOnly.today());
            lineAfter = parser.getCurrentLineNumber();
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord csvRecord = records.next();
                if (++record > CatalogueImport.MAX_ROWS) {
                    return CatalogueImport.fileError(name, "csv", keepStatus, "admin.import.error.tooManyRows",
                            CatalogueImport.MAX_ROWS);
                }
                int start = (int) lineAfter + 1;
                lineAfter = parser.getCurrentLineNumber();
                ImportPlan.Row row = row(record + 1, csvRecord, context, keepStatus);
                if (row != null) {
                    rows.add(row.located(p -> locate(p, start, csvRecord, positions)));
                }
            }
        } catch (UncheckedIOException | IOException | IllegalArgumentException | IllegalStateException e) {
            fileProblems.add(new ImportPlan.Problem(record + 2, null, "admin.import.error.csv", new Object[0])
                    .at((int) lineAfter + 1, null));
        }
        if (rows.isEmpty() && fileProblems.isEmpty()) {
            fileProblems.add(new ImportPlan.Problem(0, null, "admin.import.error.noRows", new Object[0]));
        }
        return new ImportPlan(name, "csv", keepStatus, rows, fileProblems);
    }

    /**
     * More records than {@link CatalogueImport#MAX_ROWS}, counted by the parser alone (milliseconds) before any row
     * is checked; a file the parser cannot read to the end is left to the main pass, which reports where.
     */
    private static boolean tooManyRecords(String text) {
        int count = 0;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            for (Iterator<CSVRecord> records = parser.iterator(); records.hasNext(); records.next()) {
                if (++count > CatalogueImport.MAX_ROWS) {
                    return true;
                }
            }
        } catch (UncheckedIOException | IOException | IllegalArgumentException | IllegalStateException e) {
            return false;
        }
        return false;
    }

    /** The row's plan (with its warnings), or null for a record whose cells are all empty. */
    private ImportPlan.Row row(int row, CSVRecord record, Context context, boolean keepStatus) {
        Map<Column, String> cells = new EnumMap<>(Column.class);
        Map<Column, String> outputCells = new EnumMap<>(Column.class);
        record.toMap().forEach((h, v) -> {
            Column c = Columns.BY_HEADER.get(h.strip());
            if (c != null) {
                (c.imported() ? cells : outputCells).put(c, Csv.restore(v == null ? "" : v.strip()));
            }
        });
        if (cells.values().stream().allMatch(String::isEmpty) && outputCells.values().stream()
                .allMatch(String::isEmpty)) {
            return null;
        }
        ImportPlan.Row planned = csvRow(row, cells, context, keepStatus);
        return planned.withWarnings(outputOnly.warnings(row, planned.id(), outputCells, context.names(),
                context.today()));
    }

    /** Unknown column names (with their letter), and the required columns (施策名, 区分) that are missing. */
    private static List<ImportPlan.Problem> headerProblems(List<String> headers, Map<String, Integer> positions) {
        List<ImportPlan.Problem> problems = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i).strip();
            positions.putIfAbsent(h, i);
            if (!Columns.BY_HEADER.containsKey(h)) {
                problems.add(new ImportPlan.Problem(1, headers.get(i), "admin.import.error.unknownColumn",
                        new Object[0]).at(1, letter(i)));
            }
        }
        for (Column required : List.of(Column.NAME, Column.CATEGORY)) {
            if (!positions.containsKey(required.header())) {
                problems.add(new ImportPlan.Problem(1, required.header(), "admin.import.error.missingColumn",
                        new Object[0]));
            }
        }
        return problems;
    }

    private ImportPlan.Row csvRow(int row, Map<Column, String> cells, Context context, boolean keepStatus) {
        List<ImportPlan.Problem> problems = new ArrayList<>();
        String idText = cells.getOrDefault(Column.ID, "");
        Long id = null;
        if (!idText.isEmpty()) {
            if (!idText.matches("\\d{1,18}") || Long.parseLong(idText) < 1) {
                problems.add(new ImportPlan.Problem(row, Column.ID.header(), "admin.import.error.id", new Object[0]));
            } else {
                id = Long.parseLong(idText);
                if (!context.seen().add(id)) {
                    problems.add(new ImportPlan.Problem(row, Column.ID.header(), "admin.import.error.duplicateId",
                            new Object[] {id}));
                }
            }
        }
        Optional<ProgramContent> base = id == null ? Optional.empty() : editor.editable(id).map(e -> e.content());
        CsvRows.Read read = context.rows().read(row, cells, base.orElse(null));
        problems.addAll(read.problems());
        String name = cells.getOrDefault(Column.NAME, "");
        if (!problems.isEmpty()) {
            return ImportPlan.error(row, id, name, problems);
        }
        return check.decide(row, id, read.form(), keepStatus, problems, CsvRows::column);
    }

    /** The problem with the line its cell starts on (the row's first line plus the line ends of earlier cells). */
    private static ImportPlan.Problem locate(ImportPlan.Problem p, int start, CSVRecord record,
                                            Map<String, Integer> positions) {
        Integer index = p.column() == null ? null : positions.get(p.column());
        if (index == null) {
            return p.at(start, null);
        }
        int line = start;
        for (int i = 0; i < index && i < record.size(); i++) {
            line += lineEnds(record.get(i));
        }
        return p.at(line, letter(index));
    }

    /** Line ends in a cell: CR LF, LF or CR, each one. */
    static int lineEnds(String cell) {
        int count = 0;
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (ch == '\n' || (ch == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n'))) {
                count++;
            }
        }
        return count;
    }

    /** The spreadsheet's name of the column at {@code index} (from 0): A … Z, AA, AB … */
    static String letter(int index) {
        StringBuilder s = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            s.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return s.toString();
    }

    /** The table's columns by header text. */
    private static final class Columns {
        static final Map<String, Column> BY_HEADER = new HashMap<>();

        static {
            for (Column c : Column.values()) {
                BY_HEADER.put(c.header(), c);
            }
        }
    }
}
