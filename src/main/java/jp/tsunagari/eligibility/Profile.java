package jp.tsunagari.eligibility;

import java.time.LocalDate;

/**
 * What a person tells the checker; every field may be missing. Places are 6-digit 全国地方公共団体コード or 2-digit
 * prefecture codes; {@link #ABROAD} as residence means living outside Japan. Age is the age at the application date.
 */
public record Profile(Integer age, String hometown, String residence, SchoolType school, Integer grade,
                      String familyHome, Applicant applicant, Integer groupSize, Integer groupYoung, LocalDate date) {

    public static final String ABROAD = "abroad";

    public boolean livesAbroad() {
        return ABROAD.equals(residence);
    }

    /** The same answers for an application on {@code day}. */
    public Profile on(LocalDate day) {
        return new Profile(age, hometown, residence, school, grade, familyHome, applicant, groupSize, groupYoung, day);
    }
}
