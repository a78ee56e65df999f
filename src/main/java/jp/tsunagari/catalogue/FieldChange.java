package jp.tsunagari.catalogue;

/**
 * What one published version changed about one field of a program, for the public history and the feeds: the field as
 * the public page names it ({@code applyMethod}, {@code eligibility} …) and whether it was registered (empty before),
 * removed (empty after) or changed. In words through the messages {@code history.field.*} and {@code history.change.*}:
 * 「申込方法を登録」「対象を変更」.
 */
public record FieldChange(String field, Kind kind) {

    public enum Kind {
        ADDED, CHANGED, REMOVED
    }

    /** The message of the change; its argument is the field's name ({@link #fieldKey()}). */
    public String messageKey() {
        return "history.change." + kind;
    }

    public String fieldKey() {
        return "history.field." + field;
    }
}
