package jp.tsunagari.eligibility;

import java.util.Arrays;
import java.util.Optional;

/** Audience tags shown on cards and used as a filter ({@code audience=student}): 学生, 若者, 出身者, 保護者, 団体, どなたでも. */
public enum Audience {
    STUDENT("student"), YOUTH("youth"), ALUMNI("alumni"), GUARDIAN("guardian"), GROUP("group"), ANYONE("anyone");

    private final String code;

    Audience(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Audience> fromCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}
