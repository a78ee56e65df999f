package jp.tsunagari.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cells a spreadsheet would run as formulas are neutralised on the way out and restored on the way in. */
class CsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "=HYPERLINK(\"http://evil.example/\",\"click\")", "+81 3 1234 5678", "-5", "-",
            "@SUM(A1:A9)", "\t=1", "\r=1", "=", "+", "@"})
    void formulasGetALeadingApostropheThatRestoreTakesOff(String cell) {
        String safe = Csv.safe(cell);
        assertThat(safe).isEqualTo("'" + cell);
        assertThat(Csv.restore(safe)).isEqualTo(cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"南部町", "024457", "abc", "a=b", "1-2", "x@example.jp", " =1", "'abc", "'", "''", "abc'",
            "I'm Your Home.", "\"quoted\"", "\n=1"})
    void otherTextIsLeftAlone(String cell) {
        assertThat(Csv.safe(cell)).isEqualTo(cell);
        assertThat(Csv.restore(cell)).isEqualTo(cell);
    }

    /** A cell that already starts with an apostrophe before a formula character must come back with it. */
    @ParameterizedTest
    @ValueSource(strings = {"'=1", "''=1", "'+81", "'-", "'@home", "'\t", "'''@x"})
    void restoreGivesBackTextThatLooksNeutralisedAlready(String cell) {
        String safe = Csv.safe(cell);
        assertThat(safe).as("a spreadsheet shows it as written").isEqualTo("'" + cell);
        assertThat(Csv.restore(safe)).isEqualTo(cell);
    }

    @Test
    void filesWrittenBeforeStillRestore() {
        assertThat(Csv.restore("'=1")).isEqualTo("=1");
        assertThat(Csv.restore("'@x")).isEqualTo("@x");
    }

    @Test
    void emptyAndMissingCells() {
        assertThat(Csv.safe("")).isEmpty();
        assertThat(Csv.safe(null)).isEmpty();
        assertThat(Csv.restore("")).isEmpty();
        assertThat(Csv.restore(null)).isNull();
    }

    @Test
    void rowsAreRfc4180WithEveryCellQuotedAndMadeSafe() {
        StringWriter out = new StringWriter();
        try (Csv.Out csv = new Csv.Out(out, false)) {
            csv.row(List.of("024457", "say \"hi\"", "two\nlines"));
            csv.row(List.of("=1+1", "", "end"));
        }
        assertThat(out.toString()).isEqualTo("\"024457\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
                + "\"'=1+1\",\"\",\"end\"\r\n");
    }

    @Test
    void aByteOrderMarkComesFirstWhenAskedFor() {
        StringWriter out = new StringWriter();
        try (Csv.Out csv = new Csv.Out(out, true)) {
            csv.row(List.of("a"));
        }
        assertThat(out.toString()).isEqualTo("\uFEFF\"a\"\r\n");
    }
}
