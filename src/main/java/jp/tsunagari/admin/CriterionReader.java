package jp.tsunagari.admin;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.tsunagari.admin.ProgramForm.RuleForm;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.eligibility.Applicant;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.eligibility.CriterionType;
import jp.tsunagari.eligibility.SchoolRules;
import jp.tsunagari.eligibility.Strength;
import jp.tsunagari.eligibility.Subject;
import jp.tsunagari.place.Places;

/** Reads one criterion row of the form, with the rules each criterion type needs. */
final class CriterionReader {

    private final FormReader in;
    private final Places places;
    private final String id;

    CriterionReader(FormReader in, Places places, String id) {
        this.in = in;
        this.places = places;
        this.id = id;
    }

    ProgramContent.Rule read(RuleForm r) {
        CriterionType type = in.choice(id + "-type", r.type, CriterionType.class, true);
        Strength strength = in.choice(id + "-strength", r.strength, Strength.class, true);
        Subject subject = in.choice(id + "-subject", r.subject, Subject.class, true);
        String sourceText = in.required(id + "-sourceText", r.sourceText, 500);
        Integer minAge = in.integer(id + "-minAge", r.minAge, 0, 150);
        Integer maxAge = in.integer(id + "-maxAge", r.maxAge, 0, 150);
        if (minAge != null && maxAge != null && minAge > maxAge) {
            in.errors().add(id + "-minAge", "admin.error.ageOrder");
        }
        List<String> areas = areas(r.areas);
        String schools = in.optional(id + "-schools", r.schools, 300);
        if (schools != null) {
            try {
                SchoolRules.parse(schools);
            } catch (RuntimeException e) {
                in.errors().add(id + "-schools", "admin.error.schools");
            }
        }
        Set<Applicant> applicants = EnumSet.noneOf(Applicant.class);
        for (String code : r.applicants == null ? List.<String>of() : r.applicants) {
            Applicant.fromCode(code).ifPresent(applicants::add);
        }
        Integer minGroupSize = in.integer(id + "-minGroupSize", r.minGroupSize, 1, 10_000);
        Integer youngMaxAge = in.integer(id + "-youngMaxAge", r.youngMaxAge, 0, 150);
        Integer num = in.integer(id + "-youngShareNum", r.youngShareNum, 1, 100);
        Integer den = in.integer(id + "-youngShareDen", r.youngShareDen, 1, 100);
        if (num != null && den != null && num > den) {
            in.errors().add(id + "-youngShareNum", "admin.error.share");
        }
        Audience hint = in.choice(id + "-audienceHint", r.audienceHint, Audience.class, false);
        if (type != null) {
            needs(type, minAge, maxAge, areas, schools, applicants, minGroupSize, youngMaxAge, num, den);
        }
        return new ProgramContent.Rule(type, strength, subject, sourceText, minAge, maxAge, areas,
                in.optional(id + "-areaLabel", r.areaLabel, 100), r.outside, r.domesticOnly, schools, applicants,
                minGroupSize, youngMaxAge, num, den, hint, in.optional(id + "-note", r.note, 1000));
    }

    private List<String> areas(String typed) {
        List<String> codes = new ArrayList<>();
        if (typed == null || typed.isBlank()) {
            return codes;
        }
        for (String token : typed.split("[,、，]")) {
            if (token.isBlank()) {
                continue;
            }
            places.resolveArea(token).ifPresentOrElse(codes::add,
                    () -> in.errors().add(id + "-areas", "admin.error.area", token.strip()));
        }
        return codes;
    }

    private void needs(CriterionType type, Integer minAge, Integer maxAge, List<String> areas, String schools,
                       Set<Applicant> applicants, Integer minGroupSize, Integer youngMaxAge, Integer num, Integer den) {
        switch (type) {
            case AGE -> {
                if (minAge == null && maxAge == null) {
                    in.errors().add(id + "-minAge", "admin.error.age.needed");
                }
            }
            case ORIGIN, RESIDENCE -> {
                if (areas.isEmpty() && !in.errors().has(id + "-areas")) {
                    in.errors().add(id + "-areas", "admin.error.area.needed");
                }
            }
            case STUDENT -> {
                if (schools == null) {
                    in.errors().add(id + "-schools", "admin.error.schools");
                }
            }
            case APPLICANT -> {
                if (applicants.isEmpty()) {
                    in.errors().add(id + "-applicants", "admin.error.applicants");
                }
            }
            case GROUP_SIZE -> {
                if (minGroupSize == null) {
                    in.errors().add(id + "-minGroupSize", "admin.error.required");
                }
            }
            case GROUP_YOUNG_SHARE -> {
                if (youngMaxAge == null || num == null || den == null) {
                    in.errors().add(id + "-youngMaxAge", "admin.error.share.needed");
                }
            }
            default -> {
            }
        }
    }
}
