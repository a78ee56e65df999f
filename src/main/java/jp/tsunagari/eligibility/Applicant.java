package jp.tsunagari.eligibility;

import java.util.Arrays;
import java.util.Optional;

/** Who applies (申請者): parameter values {@code self}, {@code guardian}, {@code group}. */
public enum Applicant {
    SELF("self"), GUARDIAN("guardian"), GROUP("group");

    private final String code;

    Applicant(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Applicant> fromCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}
