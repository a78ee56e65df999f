package jp.tsunagari.catalogue;

import java.util.List;

/**
 * One mail of the re-confirmation cycle, published by its job after the step's rows are written: to the accounts of
 * {@code organizationCode} ({@code "office"}: the catalogue office's), about {@code total} programs of which the first
 * {@value #LISTED} are listed ({@code programs}). ASK: 「内容に変更はありませんか」; REMIND: the same a month later;
 * ESCALATE: to the office, the programs whose maintainers did not answer the reminder.
 */
public record ReconfirmationRequest(Step step, String organizationCode, List<Reconfirmations.Due> programs, int total) {

    public static final int LISTED = 50;

    public enum Step {
        ASK, REMIND, ESCALATE
    }
}
