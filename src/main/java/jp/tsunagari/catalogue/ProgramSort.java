package jp.tsunagari.catalogue;

import java.util.Arrays;
import java.util.Optional;

/** Orders offered on list pages ({@code sort=}): source order, reading (五十音) order, newest start, largest reach. */
public enum ProgramSort {
    SOURCE("source", "p.sourceOrder asc nulls last, p.id asc"),
    KANA("kana", "p.nameKana asc, p.id asc"),
    START("start", "p.startYear desc nulls last, p.startMonth desc nulls last, p.id asc"),
    REACH("reach", "(select max(m.value) from ReachMetric m where m.program = p) desc nulls last, p.id asc");

    private final String code;
    private final String orderBy;

    ProgramSort(String code, String orderBy) {
        this.code = code;
        this.orderBy = orderBy;
    }

    public String code() {
        return code;
    }

    String orderBy() {
        return orderBy;
    }

    public static Optional<ProgramSort> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
