package jp.tsunagari.checker;

import java.util.List;

/**
 * The /eligibility parameters exactly as sent (the JSON API uses the same names): the answers, then which list to
 * show ({@code verdict}, {@code page}), the facet filters named as on /programs, and {@code edit} to change the answers.
 * {@code date} is the 申込日 (2026-04-01; today when empty): it picks the rules in force and the 受付期間 open then.
 */
public record CheckerForm(String age, String hometown, String residence, String school, String grade,
                          String familyHome, String applicant, String groupSize, String groupYoung, String date,
                          List<String> category, List<String> region, List<String> pref, String verdict, String page,
                          String edit) {

    /** The answers only, as the API sends them. */
    public static CheckerForm answers(String age, String hometown, String residence, String school, String grade,
                                      String familyHome, String applicant, String groupSize, String groupYoung,
                                      String date) {
        return new CheckerForm(age, hometown, residence, school, grade, familyHome, applicant, groupSize, groupYoung,
                date, null, null, null, null, null, null);
    }

    /** True if no answer was given (blank answers count as not given). */
    boolean isEmpty() {
        for (String v : answerValues()) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** True if the form was sent (some answer parameter is present, even blank). */
    boolean wasSent() {
        for (String v : answerValues()) {
            if (v != null) {
                return true;
            }
        }
        return false;
    }

    private String[] answerValues() {
        return new String[] {age, hometown, residence, school, grade, familyHome, applicant, groupSize, groupYoung};
    }
}
