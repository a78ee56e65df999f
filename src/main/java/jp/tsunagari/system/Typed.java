package jp.tsunagari.system;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reading text as typed into values, the same way the constraints {@link Text}, {@link WholeNumber},
 * {@link Choice} and {@link IsoDate} judge it: a form that passed them reads without surprises.
 */
public final class Typed {

    private Typed() {
    }

    /**
     * The value as it is stored: without the white space around it (full-width too), and with line breaks as
     * {@code \n} — browsers send a textarea's line breaks as CR LF, which would otherwise make every saved multi-line
     * field differ from the seed's; "" for null.
     */
    public static String clean(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** The number, or null when the text is empty or not a whole number from min to max. */
    public static Integer wholeNumber(String text, int min, int max) {
        String t = clean(text);
        if (!t.matches("-?\\d{1,9}")) {
            return null;
        }
        int n = Integer.parseInt(t);
        return n < min || n > max ? null : n;
    }

    /** The constant named by the text (in any case), or null when it is empty or names none. */
    public static <E extends Enum<E>> E choice(String text, Class<E> type) {
        return constant(clean(text).toUpperCase(Locale.ROOT), type.getEnumConstants());
    }

    static <E extends Enum<?>> E constant(String name, E[] constants) {
        for (E e : constants) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /**
     * The days the checker judges an application on, and so the days staff may give a 受付期間 or a group's 適用期間:
     * one range for both (a date outside it could never be reached by anyone's 申込日).
     */
    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

    /** A date as {@link #date}, only within {@link #FIRST_DAY}..{@link #LAST_DAY}; otherwise null. */
    public static LocalDate dayInRange(String text) {
        LocalDate d = date(text);
        return d == null || d.isBefore(FIRST_DAY) || d.isAfter(LAST_DAY) ? null : d;
    }

    /** The date (2025-03-04), or null when the text is empty or not a date. */
    public static LocalDate date(String text) {
        try {
            return LocalDate.parse(clean(text));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The text field {@code name} of a form object (for class-level constraints that name their fields). */
    public static String textField(Object form, String name) {
        try {
            java.lang.reflect.Field f = form.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return (String) f.get(form);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("no text field " + name + " in " + form.getClass(), e);
        }
    }
}
