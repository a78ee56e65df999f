package jp.tsunagari.admin;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.PublicationStatus;
import jp.tsunagari.opendata.Csv;
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
 * new / update / unchanged / error with the row (CSV: as a spreadsheet numbers it, {@link CsvImport}; JSON: the
 * line), the column and the reason; a whole file that cannot be used gets one message of its own. {@link #apply} re-checks and then makes
 * every change in one transaction — all or nothing. Imported programs arrive as drafts unless the importer keeps the
 * file's publication status.
 */
@Service
class CatalogueImport {

    /** Largest file accepted (bytes). */
    static final int MAX_BYTES = 5 * 1024 * 1024;
    /**
     * Most rows (CSV records) or entries (JSON programs) in one file: the plan holds each one's content, twice the
     * queries are made for it (check, then apply), and the report lists them all (measured in docs/open-data.md).
     */
    static final int MAX_ROWS = 2_000;
    /** Programs written between two flushes of the persistence context while applying. */
    private static final int WRITE_BATCH = 100;

    private final ProgramEditor editor;
    private final ImportCheck check;
    private final CsvImport csv;
    private final JsonMapper json;
    private final jakarta.persistence.EntityManager entities;

    CatalogueImport(ProgramEditor editor, ImportCheck check, CsvImport csv, JsonMapper json,
                    jakarta.persistence.EntityManager entities) {
        this.entities = entities;
        this.editor = editor;
        this.check = check;
        this.csv = csv;
        this.json = json;
    }

    /** The dry run. {@code keepStatus}: publish what the file marks published (CSV rows: all); else drafts. */
    @Transactional(readOnly = true)
    ImportPlan plan(String fileName, byte[] bytes, boolean keepStatus) {
        String name = fileName == null ? "" : fileName;
        if (bytes.length == 0) {
            return fileError(name, "", keepStatus, "admin.import.error.empty");
        }
        if (bytes.length > MAX_BYTES) {
            return fileError(name, "", keepStatus, "admin.import.error.tooLarge", MAX_BYTES / 1024 / 1024, MAX_ROWS);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return fileError(name, "", keepStatus, "admin.import.error.encoding");
        }
        if (!text.isEmpty() && text.charAt(0) == Csv.BOM) {
            text = text.substring(1);
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean isJson = lower.endsWith(".json") || (!lower.endsWith(".csv") && text.stripLeading().startsWith("{"));
        return isJson ? planJson(name, text, keepStatus) : csv.plan(name, text, keepStatus);
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

    /** A plan refused as a whole: one problem about the file, no rows. */
    static ImportPlan fileError(String name, String format, boolean keepStatus, String key, Object... args) {
        return new ImportPlan(name, format, keepStatus, List.of(), List.of(new ImportPlan.Problem(0, null, key, args)));
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
                        if (rows.size() == MAX_ROWS) {
                            return fileError(name, "json", keepStatus, "admin.import.error.tooManyPrograms", MAX_ROWS);
                        }
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
            } else if (rows.isEmpty()) {
                fileProblems.add(new ImportPlan.Problem(0, null, "admin.import.error.noPrograms", new Object[0]));
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

    private static int line(JsonParser p) {
        return p.currentTokenLocation() == null ? 1 : p.currentTokenLocation().getLineNr();
    }
}
