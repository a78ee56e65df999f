package jp.tsunagari.eligibility;

import java.util.Arrays;
import java.util.Optional;

/** School types of the eligibility model, with their parameter codes and the number of grades they have. */
public enum SchoolType {
    JUNIOR_HIGH("junior-high", 3),
    HIGH("high", 3),
    KOSEN("kosen", 5),
    JUNIOR_COLLEGE("junior-college", 3),
    UNIVERSITY("university", 6),
    GRADUATE("graduate", 5),
    VOCATIONAL("vocational", 4),
    PROFESSIONAL_UNIVERSITY("professional-university", 4),
    PREP("prep", 3),
    NONE("none", 0);

    private final String code;
    private final int grades;

    SchoolType(String code, int grades) {
        this.code = code;
        this.grades = grades;
    }

    public String code() {
        return code;
    }

    public int grades() {
        return grades;
    }

    public static Optional<SchoolType> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
