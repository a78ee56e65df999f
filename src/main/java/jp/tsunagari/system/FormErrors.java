package jp.tsunagari.system;

import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Problems found in a submitted form, keyed by the id of the field they concern, with a message key and its
 * arguments. Templates use it for the error summary (links to {@code #id}) and for each field's error message,
 * {@code aria-invalid} and {@code aria-describedby}. Forms validated with Bean Validation get theirs from the
 * {@link BindingResult} ({@link #of(BindingResult)}): the property path {@code groups[0].criteria[1].minAge} is the
 * field id {@code groups-0-criteria-1-minAge}, in the order the fields are declared in the form object.
 */
public final class FormErrors {

    public record Error(String field, String key, Object[] args) {
    }

    /** The key shown when a value could not be bound at all (e.g. "x" for a checkbox). */
    static final String UNREADABLE = "form.error.invalid";

    private final List<Error> errors = new ArrayList<>();

    /** The field errors of a validated form object (from constraints, or values that could not be bound). */
    public static FormErrors of(BindingResult result) {
        List<Located> found = new ArrayList<>();
        for (FieldError e : result.getFieldErrors()) {
            if (e.contains(ConstraintViolation.class)) {
                ConstraintViolation<?> v = e.unwrap(ConstraintViolation.class);
                found.add(new Located(e.getField(), Violations.key(v), Violations.args(v)));
            } else {
                found.add(new Located(e.getField(), UNREADABLE, new Object[0]));
            }
        }
        return sorted(result.getTarget() == null ? Object.class : result.getTarget().getClass(), found);
    }

    /** The violations of a form object validated outside a request (the import). */
    public static FormErrors of(Class<?> form, Collection<? extends ConstraintViolation<?>> violations) {
        List<Located> found = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            found.add(new Located(v.getPropertyPath().toString(), Violations.key(v), Violations.args(v)));
        }
        return sorted(form, found);
    }

    private record Located(String path, String key, Object[] args) {
    }

    private static FormErrors sorted(Class<?> form, List<Located> found) {
        Comparator<List<Integer>> lexicographic = (a, b) -> {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int c = Integer.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        };
        FormErrors errors = new FormErrors();
        found.stream().sorted(Comparator.comparing((Located l) -> FieldOrder.rank(form, l.path()), lexicographic)
                        .thenComparing(Located::key))
                .forEach(l -> errors.add(FieldOrder.id(l.path()), l.key(), l.args()));
        return errors;
    }

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
