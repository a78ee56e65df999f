package jp.tsunagari.catalogue;

import java.util.Arrays;
import java.util.Optional;

/**
 * Orders offered on list pages ({@code sort=}): source order, reading (五十音) order, newest start, largest reach.
 * Missing values sort last through explicit expressions, not NULLS LAST: Hibernate drops that clause when it
 * believes it is the database's default, which differs between H2 settings and PostgreSQL.
 */
public enum ProgramSort {
    SOURCE("source", "case when p.sourceOrder is null then 1 else 0 end, p.sourceOrder asc, p.id asc"),
    KANA("kana", "p.nameKana asc, p.id asc"),
    START("start", "case when p.startYear is null then 1 else 0 end, p.startYear desc, p.startMonth desc, p.id asc"),
    REACH("reach", "coalesce((select max(m.value) from ReachMetric m where m.program = p), -1) desc, p.id asc");

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
