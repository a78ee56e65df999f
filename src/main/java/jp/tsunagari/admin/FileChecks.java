package jp.tsunagari.admin;

/**
 * Checks on the file as a whole, before any row is read: the delimiter a spreadsheet saved it with. (The encoding is
 * checked while decoding: {@link CatalogueImport}.)
 */
final class FileChecks {

    private FileChecks() {
    }

    /**
     * The message key when the header line is separated by tabs or semicolons instead of commas (Excel's 「テキスト
     * （タブ区切り）」, or a European list separator), else null. Only a header line without any comma counts: a column
     * name never holds a tab or semicolon, and one column alone has no separator to judge.
     */
    static String wrongDelimiter(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        String header = text.substring(0, end);
        if (header.indexOf(',') >= 0) {
            return null;
        }
        long tabs = header.chars().filter(c -> c == '\t').count();
        long semicolons = header.chars().filter(c -> c == ';').count();
        if (tabs == 0 && semicolons == 0) {
            return null;
        }
        return tabs >= semicolons ? "admin.import.error.delimiter.tab" : "admin.import.error.delimiter.semicolon";
    }
}
