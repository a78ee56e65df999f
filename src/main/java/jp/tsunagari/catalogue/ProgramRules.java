package jp.tsunagari.catalogue;

import java.util.List;
import jp.tsunagari.eligibility.TargetGroup;

/**
 * A published program's identity and its structured eligibility, for the eligibility checker; its lifecycle and
 * schedule tell which 受付期間 is open on an 申込日.
 */
public record ProgramRules(long id, String name, String categoryCode, String categoryNameJa, String categoryNameEn,
                           List<TargetGroup> groups, Lifecycle lifecycle, ProgramContent.Schedule schedule) {
}
