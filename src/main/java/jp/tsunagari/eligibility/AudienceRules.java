package jp.tsunagari.eligibility;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Derives a program's audience tags from its structured eligibility, so that tags never disagree with the rules:
 * 学生 when a group asks for student status; 若者 for an age limit of at most {@value #YOUTH_MAX_AGE};
 * 出身者 for an origin criterion; 保護者 when a guardian applies or the family's residence counts; 団体 when a group
 * applies; どなたでも when some group has no hard criterion. A free-text criterion may name a tag it implies.
 */
public final class AudienceRules {

    /** The upper age limit up to which a program counts as being for young people (若者). */
    public static final int YOUTH_MAX_AGE = 39;

    private AudienceRules() {
    }

    public static Set<Audience> derive(Collection<TargetGroup> groups) {
        Set<Audience> tags = EnumSet.noneOf(Audience.class);
        for (TargetGroup group : groups) {
            if (group.isOpenToAnyone()) {
                tags.add(Audience.ANYONE);
            }
            for (Criterion c : group.criteria()) {
                tags.addAll(tagsOf(c));
            }
        }
        return tags;
    }

    static Set<Audience> tagsOf(Criterion c) {
        Set<Audience> tags = EnumSet.noneOf(Audience.class);
        switch (c.type()) {
            case STUDENT -> tags.add(Audience.STUDENT);
            case AGE -> {
                if (c.maxAge() != null && c.maxAge() <= YOUTH_MAX_AGE) {
                    tags.add(Audience.YOUTH);
                }
            }
            case ORIGIN -> tags.add(Audience.ALUMNI);
            case RESIDENCE -> {
                if (c.subject() == Subject.FAMILY) {
                    tags.add(Audience.GUARDIAN);
                }
            }
            case APPLICANT -> {
                if (c.applicants().contains(Applicant.GUARDIAN)) {
                    tags.add(Audience.GUARDIAN);
                }
                if (c.applicants().contains(Applicant.GROUP)) {
                    tags.add(Audience.GROUP);
                }
            }
            default -> {
            }
        }
        if (c.audienceHint() != null) {
            tags.add(c.audienceHint());
        }
        return tags;
    }
}
