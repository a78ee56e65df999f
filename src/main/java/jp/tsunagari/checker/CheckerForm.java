package jp.tsunagari.checker;

/** The /eligibility parameters exactly as sent (the JSON API uses the same names). */
public record CheckerForm(String age, String hometown, String residence, String school, String grade,
                          String familyHome, String applicant, String groupSize, String groupYoung, String date) {

    boolean isEmpty() {
        for (String v : new String[] {age, hometown, residence, school, grade, familyHome, applicant, groupSize,
                groupYoung, date}) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
