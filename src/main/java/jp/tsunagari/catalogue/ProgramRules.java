package jp.tsunagari.catalogue;

import java.util.List;
import jp.tsunagari.eligibility.TargetGroup;

/** A published program's identity and its structured eligibility, for the eligibility checker. */
public record ProgramRules(long id, String name, String categoryCode, String categoryNameJa, String categoryNameEn,
                           List<TargetGroup> groups) {
}
