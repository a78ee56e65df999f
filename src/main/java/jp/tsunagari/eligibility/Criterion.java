package jp.tsunagari.eligibility;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Set;

/**
 * One condition of a target group, e.g. AGE 15–25, RESIDENCE outside 岩手県 (国内に限る), STUDENT 高専4・5年.
 * {@link #sourceText()} keeps the words of the source it reads; {@link #note()} explains a reading where needed.
 */
@Entity
@Table(name = "criterion")
public class Criterion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int position;

    @Enumerated(EnumType.STRING)
    private CriterionType type;

    @Enumerated(EnumType.STRING)
    private Strength strength;

    @Enumerated(EnumType.STRING)
    private Subject subject;

    @Column(name = "source_text")
    private String sourceText;

    @Column(name = "min_age")
    private Integer minAge;

    @Column(name = "max_age")
    private Integer maxAge;

    @Convert(converter = Converters.AreaCodes.class)
    private List<String> areas;

    @Column(name = "area_label")
    private String areaLabel;

    private boolean outside;

    @Column(name = "domestic_only")
    private boolean domesticOnly;

    @Convert(converter = Converters.Schools.class)
    private SchoolRules schools;

    @Convert(converter = Converters.Applicants.class)
    private Set<Applicant> applicants;

    @Column(name = "min_group_size")
    private Integer minGroupSize;

    @Column(name = "young_max_age")
    private Integer youngMaxAge;

    @Column(name = "young_share_num")
    private Integer youngShareNum;

    @Column(name = "young_share_den")
    private Integer youngShareDen;

    @Enumerated(EnumType.STRING)
    @Column(name = "audience_hint")
    private Audience audienceHint;

    @Column(name = "note_ja")
    private String note;

    protected Criterion() {
    }

    /** A new criterion of the given kind; the {@code with…} methods fill in what the kind needs. */
    public static Criterion of(CriterionType type, Strength strength, Subject subject, String sourceText) {
        Criterion c = new Criterion();
        c.type = type;
        c.strength = strength;
        c.subject = subject;
        c.sourceText = sourceText;
        return c;
    }

    public Criterion withAges(Integer min, Integer max) {
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("min age " + min + " > max age " + max);
        }
        this.minAge = min;
        this.maxAge = max;
        return this;
    }

    public Criterion withAreas(List<String> codes, String label, boolean outsideAreas, boolean withinJapanOnly) {
        this.areas = List.copyOf(codes);
        this.areaLabel = label;
        this.outside = outsideAreas;
        this.domesticOnly = withinJapanOnly;
        return this;
    }

    public Criterion withSchools(SchoolRules rules) {
        this.schools = rules;
        return this;
    }

    public Criterion withApplicants(Set<Applicant> who) {
        this.applicants = Set.copyOf(who);
        return this;
    }

    public Criterion withGroup(Integer minSize, Integer youngMax, Integer shareNum, Integer shareDen) {
        this.minGroupSize = minSize;
        this.youngMaxAge = youngMax;
        this.youngShareNum = shareNum;
        this.youngShareDen = shareDen;
        return this;
    }

    public Criterion withAudienceHint(Audience hint) {
        this.audienceHint = hint;
        return this;
    }

    public Criterion withNote(String text) {
        this.note = text;
        return this;
    }

    /** Sets the position among its group's criteria (1-based, in reading order). */
    public Criterion at(int newPosition) {
        this.position = newPosition;
        return this;
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public CriterionType type() {
        return type;
    }

    public Strength strength() {
        return strength;
    }

    public boolean isHard() {
        return strength == Strength.HARD;
    }

    public Subject subject() {
        return subject;
    }

    public String sourceText() {
        return sourceText;
    }

    public Integer minAge() {
        return minAge;
    }

    public Integer maxAge() {
        return maxAge;
    }

    public List<String> areas() {
        return areas == null ? List.of() : areas;
    }

    public String areaLabel() {
        return areaLabel;
    }

    public boolean outside() {
        return outside;
    }

    public boolean domesticOnly() {
        return domesticOnly;
    }

    public SchoolRules schools() {
        return schools == null ? SchoolRules.parse(null) : schools;
    }

    public Set<Applicant> applicants() {
        return applicants == null ? Set.of() : applicants;
    }

    public Integer minGroupSize() {
        return minGroupSize;
    }

    public Integer youngMaxAge() {
        return youngMaxAge;
    }

    public Integer youngShareNum() {
        return youngShareNum;
    }

    public Integer youngShareDen() {
        return youngShareDen;
    }

    public Audience audienceHint() {
        return audienceHint;
    }

    public String note() {
        return note;
    }
}
