package jp.tsunagari.catalogue;

import java.util.Arrays;
import java.util.Optional;

/**
 * Orders offered on list pages ({@code sort=}): source order, reading (五十音) order, newest start, largest reach;
 * programs without the value last. The search index applies them (search.ProgramSearch).
 */
public enum ProgramSort {
    SOURCE("source"),
    KANA("kana"),
    START("start"),
    REACH("reach");

    private final String code;

    ProgramSort(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ProgramSort> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
