package jp.tsunagari.admin;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import jp.tsunagari.catalogue.PublicationStatus;
import jp.tsunagari.opendata.Csv;
import jp.tsunagari.opendata.ProgramTable.Column;
import jp.tsunagari.opendata.ProgramTableNames;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import for staff: the full export (JSON, written by {@link CatalogueExport}) or the program table (CSV).
 * {@link #plan} is the dry run: every row is read into a {@link ProgramForm} and validated like the edit form
 * ({@link ImportCheck}), and each gets
 * new / update / unchanged / error with the line, the column and the reason. {@link #apply} re-checks and then makes
 * every change in one transaction — all or nothing. Imported programs arrive as drafts unless the importer keeps the
 * file's publication status.
 */
@Service
class CatalogueImport {

    /** Largest file accepted (bytes). */
    static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Programs written between two flushes of the persistence context while applying. */
    private static final int WRITE_BATCH = 100;

    private final ProgramEditor editor;
    private final ImportCheck check;
    private final CategoryEditor categories;
    private final ProgramTableNames tableNames;
    private final JsonMapper json;
    private final jakarta.persistence.EntityManager entities;

    CatalogueImport(ProgramEditor editor, ImportCheck check, CategoryEditor categories, ProgramTableNames tableNames,
                    JsonMapper json, jakarta.persistence.EntityManager entities) {
        this.entities = entities;
        this.editor = editor;
        this.check = check;
        this.categories = categories;
        this.tableNames = tableNames;
        this.json = json;
    }

    /** The dry run. {@code keepStatus}: publish what the file marks published (CSV rows: all); else drafts. */
    @Transactional(readOnly = true)
    ImportPlan plan(String fileName, byte[] bytes, boolean keepStatus) {
        String name = fileName == null ? "" : fileName;
        if (bytes.length == 0) {
            return fileError(name, keepStatus, "admin.import.error.empty");
        }
        if (bytes.length > MAX_BYTES) {
            return fileError(name, keepStatus, "admin.import.error.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return fileError(name, keepStatus, "admin.import.error.encoding");
        }
        if (!text.isEmpty() && text.charAt(0) == Csv.BOM) {
            text = text.substring(1);
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean isJson = lower.endsWith(".json") || (!lower.endsWith(".csv") && text.stripLeading().startsWith("{"));
        return isJson ? planJson(name, text, keepStatus) : planCsv(name, text, keepStatus);
    }

    /** Applies a plan made from the same file: re-checks it first; every change in this one transaction. */
    @Transactional
    ImportPlan apply(String fileName, byte[] bytes, boolean keepStatus, String user) {
        ImportPlan plan = plan(fileName, bytes, keepStatus);
        if (!plan.ok()) {
            return plan;
        }
        int written = 0;
        for (ImportPlan.Row row : plan.rows()) {
            switch (row.kind()) {
                case NEW -> editor.importNew(row.id(), row.content(), row.publish(), user);
                case UPDATE -> editor.importUpdate(row.id(), row.content(), row.publish(), user);
                default -> {
                    continue;
                }
            }
            if (++written % WRITE_BATCH == 0) {
                // Still one transaction; without this every query would check every program written so far.
                entities.flush();
                entities.clear();
            }
        }
        return plan;
    }

    private static ImportPlan fileError(String name, boolean keepStatus, String key, Object... args) {
        return new ImportPlan(name, "", keepStatus, List.of(), List.of(new ImportPlan.Problem(1, null, key, args)));
    }

    // ---- JSON: the full export ------------------------------------------------------------------------------------

    private ImportPlan planJson(String name, String text, boolean keepStatus) {
        List<ImportPlan.Row> rows = new ArrayList<>();
        List<ImportPlan.Problem> fileProblems = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        try (JsonParser p = json.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                fileProblems.add(new ImportPlan.Problem(line(p), null, "admin.import.error.jsonShape", new Object[0]));
                return new ImportPlan(name, "json", keepStatus, rows, fileProblems);
            }
            String format = null;
            boolean sawPrograms = false;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("format".equals(field) && value == JsonToken.VALUE_STRING) {
                    format = p.getString();
                } else if ("programs".equals(field) && value == JsonToken.START_ARRAY) {
                    sawPrograms = true;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        int line = line(p);
                        JsonNode node = p.readValueAsTree();
                        rows.add(jsonEntry(line, node, keepStatus, seen));
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!CatalogueFile.FORMAT.equals(format) || !sawPrograms) {
                fileProblems.add(new ImportPlan.Problem(1, null, "admin.import.error.jsonShape", new Object[0]));
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
            fileProblems.add(new ImportPlan.Problem(line, null, "admin.import.error.json", new Object[] {column}));
        }
        return new ImportPlan(name, "json", keepStatus, rows, fileProblems);
    }

    private ImportPlan.Row jsonEntry(int line, JsonNode node, boolean keepStatus, Set<Long> seen) {
        CatalogueFile.ProgramEntry entry;
        try {
            entry = json.treeToValue(node, CatalogueFile.ProgramEntry.class);
        } catch (DatabindException e) {
            String path = e.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : Integer.toString(r.getIndex())).reduce((a, b) -> a + "." + b).orElse(null);
            String name = node.path("content").path("name").asString("");
            return ImportPlan.error(line, null, name, List.of(new ImportPlan.Problem(line, path,
                    "admin.import.error.jsonValue", new Object[0])));
        }
        if (entry.content() == null) {
            return ImportPlan.error(line, entry.id(), "", List.of(new ImportPlan.Problem(line, "content",
                    "admin.import.error.missing", new Object[0])));
        }
        List<ImportPlan.Problem> problems = new ArrayList<>();
        if (entry.id() != null && (entry.id() < 1 || !seen.add(entry.id()))) {
            problems.add(new ImportPlan.Problem(line, "id", "admin.import.error.duplicateId",
                    new Object[] {entry.id()}));
        }
        PublicationStatus status = entry.status() == null ? PublicationStatus.DRAFT : entry.status();
        return check.decide(line, entry.id(), check.mapper().toForm(entry.content(), 0),
                ImportPlan.publishes(keepStatus, status), problems, field -> field);
    }

    // ---- CSV: the program table ------------------------------------------------------------------------------------

    private ImportPlan planCsv(String name, String text, boolean keepStatus) {
        List<ImportPlan.Row> rows = new ArrayList<>();
        List<ImportPlan.Problem> fileProblems = new ArrayList<>();
        CSVFormat format = Csv.FORMAT.builder().setHeader().setSkipHeaderRecord(true).setQuoteMode(null).get();
        Map<String, Column> byHeader = new HashMap<>();
        for (Column c : Column.values()) {
            byHeader.put(c.header(), c);
        }
        Reader reader = new StringReader(text);
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            fileProblems.addAll(headerProblems(parser.getHeaderNames(), byHeader));
            if (!fileProblems.isEmpty()) {
                return new ImportPlan(name, "csv", keepStatus, rows, fileProblems);
            }
            CsvRows csvRows = new CsvRows(tableNames.names(), categories, check);
            Set<Long> seen = new HashSet<>();
            long lineAfter = parser.getCurrentLineNumber();
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int line = (int) lineAfter + 1;
                lineAfter = parser.getCurrentLineNumber();
                Map<Column, String> cells = new HashMap<>();
                record.toMap().forEach((h, v) -> {
                    Column c = byHeader.get(h.strip());
                    if (c != null && c.imported()) {
                        cells.put(c, Csv.restore(v == null ? "" : v.strip()));
                    }
                });
                if (cells.values().stream().allMatch(String::isEmpty)) {
                    continue;
                }
                rows.add(csvRow(line, cells, csvRows, keepStatus, seen));
            }
        } catch (UncheckedIOException | IOException | IllegalArgumentException | IllegalStateException e) {
            fileProblems.add(new ImportPlan.Problem(rows.isEmpty() ? 1 : rows.get(rows.size() - 1).line() + 1, null,
                    "admin.import.error.csv", new Object[0]));
        }
        return new ImportPlan(name, "csv", keepStatus, rows, fileProblems);
    }

    /** Unknown column names, and the required columns (施策名, 区分) that are missing. */
    private static List<ImportPlan.Problem> headerProblems(List<String> headers, Map<String, Column> byHeader) {
        List<ImportPlan.Problem> problems = new ArrayList<>();
        for (String h : headers) {
            if (!byHeader.containsKey(h.strip())) {
                problems.add(new ImportPlan.Problem(1, h, "admin.import.error.unknownColumn", new Object[0]));
            }
        }
        for (Column required : List.of(Column.NAME, Column.CATEGORY)) {
            if (headers.stream().noneMatch(h -> h.strip().equals(required.header()))) {
                problems.add(new ImportPlan.Problem(1, required.header(), "admin.import.error.missingColumn",
                        new Object[0]));
            }
        }
        return problems;
    }

    private ImportPlan.Row csvRow(int line, Map<Column, String> cells, CsvRows csvRows, boolean keepStatus,
                                  Set<Long> seen) {
        List<ImportPlan.Problem> problems = new ArrayList<>();
        String idText = cells.getOrDefault(Column.ID, "");
        Long id = null;
        if (!idText.isEmpty()) {
            if (!idText.matches("\\d{1,18}") || Long.parseLong(idText) < 1) {
                problems.add(new ImportPlan.Problem(line, Column.ID.header(), "admin.import.error.id", new Object[0]));
            } else {
                id = Long.parseLong(idText);
                if (!seen.add(id)) {
                    problems.add(new ImportPlan.Problem(line, Column.ID.header(), "admin.import.error.duplicateId",
                            new Object[] {id}));
                }
            }
        }
        Optional<ProgramContent> base = id == null ? Optional.empty() : editor.editable(id).map(e -> e.content());
        CsvRows.Read read = csvRows.read(line, cells, base.orElse(null));
        problems.addAll(read.problems());
        String name = cells.getOrDefault(Column.NAME, "");
        if (!problems.isEmpty()) {
            return ImportPlan.error(line, id, name, problems);
        }
        return check.decide(line, id, read.form(), keepStatus, problems, CsvRows::column);
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation() == null ? 1 : p.currentTokenLocation().getLineNr();
    }
}
