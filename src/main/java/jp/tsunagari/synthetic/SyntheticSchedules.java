package jp.tsunagari.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import jp.tsunagari.catalogue.ProgramContent;

/**
 * The dates of a generated program, so that large catalogues exercise 受付状況 and dated rules: about a third get a
 * 受付期間 (most of them yearly), one in twenty an end, and one in ten a rule change on 2026-04-01 (its first target
 * group split in two, the later one allowing a year more of age). The seed programs have none of these.
 */
final class SyntheticSchedules {

    static final LocalDate RULE_CHANGE = LocalDate.of(2026, 4, 1);

    private SyntheticSchedules() {
    }

    static ProgramContent.Schedule schedule(SplittableRandom random) {
        Integer endYear = random.nextInt(100) < 5 ? 2024 + random.nextInt(7) : null;
        Integer endMonth = endYear != null && random.nextBoolean() ? 1 + random.nextInt(12) : null;
        List<ProgramContent.Period> periods = new ArrayList<>();
        if (random.nextInt(100) < 33) {
            boolean yearly = random.nextInt(10) < 6;
            LocalDate start = LocalDate.of(yearly ? 2020 + random.nextInt(7) : 2025 + random.nextInt(3),
                    1 + random.nextInt(12), 1 + random.nextInt(28));
            periods.add(new ProgramContent.Period(start, start.plusDays(14 + random.nextInt(77)), yearly));
        }
        if (endYear != null && !periods.isEmpty() && periods.get(0).start().getYear() > endYear) {
            periods.clear();
        }
        return new ProgramContent.Schedule(endYear, endMonth, periods);
    }

    /** The groups, the first split at {@link #RULE_CHANGE} for one program in ten. */
    static List<ProgramContent.Group> dated(List<ProgramContent.Group> groups, SplittableRandom random) {
        if (groups.isEmpty() || random.nextInt(10) != 0) {
            return groups;
        }
        ProgramContent.Group first = groups.get(0);
        List<ProgramContent.Group> out = new ArrayList<>();
        out.add(new ProgramContent.Group(first.label(), first.criteria(), null, RULE_CHANGE.minusDays(1)));
        out.add(new ProgramContent.Group(first.label(), first.criteria().stream().map(SyntheticSchedules::olderBy1)
                .toList(), RULE_CHANGE, null));
        out.addAll(groups.subList(1, groups.size()));
        return out;
    }

    private static ProgramContent.Rule olderBy1(ProgramContent.Rule r) {
        return r.maxAge() == null ? r : new ProgramContent.Rule(r.type(), r.strength(), r.subject(), r.sourceText(),
                r.minAge(), r.maxAge() + 1, r.areas(), r.areaLabel(), r.outside(), r.domesticOnly(), r.schools(),
                r.applicants(), r.minGroupSize(), r.youngMaxAge(), r.youngShareNum(), r.youngShareDen(),
                r.audienceHint(), r.note());
    }
}
