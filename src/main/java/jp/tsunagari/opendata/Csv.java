package jp.tsunagari.opendata;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * CSV as RFC 4180 (CRLF, every cell quoted, quotes doubled), UTF-8, optionally with a byte order mark for Excel.
 * A cell a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading apostrophe;
 * {@link #restore} takes it off again when a file is imported. So that every cell comes back as written, a cell whose
 * apostrophes already stand before such a character gets one more.
 */
public final class Csv {

    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();
    public static final char BOM = '\uFEFF';

    private Csv() {
    }

    /** The cell as written: neutralised if a spreadsheet would read it as a formula. */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return needsApostrophe(cell) ? "'" + cell : cell;
    }

    /** The cell as meant: an apostrophe that {@link #safe} added is taken off. */
    public static String restore(String cell) {
        return cell != null && cell.startsWith("'") && needsApostrophe(cell.substring(1)) ? cell.substring(1) : cell;
    }

    /** Starts with a formula character, possibly after apostrophes. */
    private static boolean needsApostrophe(String cell) {
        int i = 0;
        while (i < cell.length() && cell.charAt(i) == '\'') {
            i++;
        }
        if (i == cell.length()) {
            return false;
        }
        char first = cell.charAt(i);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** Sends a small table as the download {@code file}: UTF-8 with a byte order mark (Excel), every cell made safe. */
    public static void download(HttpServletResponse response, String file, List<List<String>> rows) throws IOException {
        response.setContentType("text/csv; charset=UTF-8; header=present");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build()
                .toString());
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try (Out out = new Out(writer, true)) {
            rows.forEach(out::row);
        }
        writer.flush();
    }

    /** Writes rows of cells, each made safe. */
    public static final class Out implements AutoCloseable {
        private final CSVPrinter printer;

        public Out(Writer writer, boolean bom) {
            try {
                if (bom) {
                    writer.write(BOM);
                }
                this.printer = new CSVPrinter(writer, FORMAT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void row(List<String> cells) {
            try {
                printer.printRecord(cells.stream().map(Csv::safe).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
