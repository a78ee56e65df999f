package jp.tsunagari.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import jp.tsunagari.system.FormErrors;

/** Reads typed text into values, recording a problem (with the field's id) for anything it cannot accept. */
final class FormReader {

    private final FormErrors errors;

    FormReader(FormErrors errors) {
        this.errors = errors;
    }

    FormErrors errors() {
        return errors;
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }

    /** Required text, at most {@code max} characters; returns "" when missing. */
    String required(String id, String text, int max) {
        String t = clean(text);
        if (t.isEmpty()) {
            errors.add(id, "admin.error.required");
        } else if (t.length() > max) {
            errors.add(id, "admin.error.tooLong", max);
        }
        return t;
    }

    /** Optional text, at most {@code max} characters; null when empty. */
    String optional(String id, String text, int max) {
        String t = clean(text);
        if (t.length() > max) {
            errors.add(id, "admin.error.tooLong", max);
        }
        return t.isEmpty() ? null : t;
    }

    Integer integer(String id, String text, int min, int max) {
        String t = clean(text);
        if (t.isEmpty()) {
            return null;
        }
        if (!t.matches("-?\\d{1,9}")) {
            errors.add(id, "admin.error.integer", min, max);
            return null;
        }
        int n = Integer.parseInt(t);
        if (n < min || n > max) {
            errors.add(id, "admin.error.integer", min, max);
            return null;
        }
        return n;
    }

    /** A count (0 or more, no separators needed: 5,390 and 5390 are both accepted). */
    Long count(String id, String text) {
        String t = clean(text).replace(",", "").replace("，", "");
        if (t.isEmpty()) {
            errors.add(id, "admin.error.required");
            return null;
        }
        if (!t.matches("\\d{1,12}")) {
            errors.add(id, "admin.error.count");
            return null;
        }
        return Long.parseLong(t);
    }

    LocalDate date(String id, String text, boolean required) {
        String t = clean(text);
        if (t.isEmpty()) {
            if (required) {
                errors.add(id, "admin.error.date");
            }
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            errors.add(id, "admin.error.date");
            return null;
        }
    }

    /** A year and month given together (or both empty). */
    Integer[] yearMonth(String yearId, String year, String monthId, String month) {
        Integer y = integer(yearId, year, 1900, 2100);
        Integer m = integer(monthId, month, 1, 12);
        if ((y == null) != (m == null) && !errors.has(yearId) && !errors.has(monthId)) {
            errors.add(y == null ? yearId : monthId, "admin.error.yearMonth");
            return new Integer[] {null, null};
        }
        return new Integer[] {y, m};
    }

    <E extends Enum<E>> E choice(String id, String text, Class<E> type, boolean required) {
        String t = clean(text);
        if (t.isEmpty()) {
            if (required) {
                errors.add(id, "admin.error.choose");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(id, "admin.error.choose");
            return null;
        }
    }

    /** An http or https URL with a host, at most 500 characters; null when empty. */
    String url(String id, String text) {
        String t = clean(text);
        if (t.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(t);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (t.length() > 500 || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                errors.add(id, "admin.error.url");
                return null;
            }
            return t;
        } catch (URISyntaxException e) {
            errors.add(id, "admin.error.url");
            return null;
        }
    }
}
