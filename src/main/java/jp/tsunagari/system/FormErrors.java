package jp.tsunagari.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Problems found in a submitted form, keyed by the id of the field they concern, with a message key and its
 * arguments. Templates use it for the error summary (links to {@code #id}) and for each field's error message,
 * {@code aria-invalid} and {@code aria-describedby}.
 */
public final class FormErrors {

    public record Error(String field, String key, Object[] args) {
    }

    private final List<Error> errors = new ArrayList<>();

    public FormErrors add(String field, String key, Object... args) {
        errors.add(new Error(field, key, args));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<Error> list() {
        return List.copyOf(errors);
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public Optional<Error> first(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).findFirst();
    }

    /** The ids for {@code aria-describedby}: the hint (if the field has one) and the error (if any), or null. */
    public String describedBy(String field, boolean hasHint) {
        String ids = ((hasHint ? field + "-hint " : "") + (has(field) ? field + "-error" : "")).strip();
        return ids.isEmpty() ? null : ids;
    }
}
