package jp.tsunagari.catalogue.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.PublicationStatus;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.eligibility.TargetGroup;
import jp.tsunagari.place.Municipality;
import jp.tsunagari.place.Prefecture;
import org.hibernate.annotations.ListIndexBase;

/**
 * A program (施策) of the catalogue: what the source says about it, in the structure the source gives it. Its
 * single-valued facts are in {@link ProgramFacts}; here are its identity, publication status, history stamps and
 * the structured parts (sections, reach, examples, 対象 groups, data notes, audience tags).
 * The organizer is a local government: a prefecture alone (栃木県) or a municipality with its prefecture (宮津市),
 * or none for a type of initiative (ネオ県人会), whose {@link #examples()} carry the prefectures.
 */
@Entity
@Table(name = "program")
public class Program extends ProgramFacts {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    private PublicationStatus status;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "confirmed_on")
    private LocalDate confirmedOn;

    @Column(name = "assured_on")
    private LocalDate assuredOn;

    @OneToMany(fetch = FetchType.LAZY, cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "program_id", nullable = false)
    @OrderBy("position")
    private List<ProgramSection> sections = new ArrayList<>();

    @OneToMany(mappedBy = "program", fetch = FetchType.LAZY, cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ReachMetric> metrics = new ArrayList<>();

    @OneToMany(mappedBy = "program", fetch = FetchType.LAZY, cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ExampleGroup> examples = new ArrayList<>();

    @OneToMany(fetch = FetchType.LAZY, cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "program_id", nullable = false)
    @OrderBy("position")
    private List<TargetGroup> targetGroups = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "program_data_note", joinColumns = @JoinColumn(name = "program_id"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    private List<DataNote> dataNotes = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "program_required_document", joinColumns = @JoinColumn(name = "program_id"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    @Column(name = "text")
    private List<String> requiredDocuments = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "program_application_period", joinColumns = @JoinColumn(name = "program_id"))
    @OrderColumn(name = "position", nullable = false)
    private List<ApplicationPeriod> periods = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "program_audience", joinColumns = @JoinColumn(name = "program_id"))
    @Column(name = "audience")
    @Enumerated(EnumType.STRING)
    private Set<Audience> audiences = EnumSet.noneOf(Audience.class);

    protected Program() {
    }

    /** A new program: unpublished until staff publish it. */
    public Program(String user, Instant now) {
        this.status = PublicationStatus.DRAFT;
        this.createdAt = now;
        this.assuredOn = jp.tsunagari.system.JapanTime.day(now);
        this.updatedAt = now;
        this.updatedBy = user;
    }

    /** The places and category a content's codes refer to, resolved by the editor. */
    public record Parts(CategoryEntity category, Prefecture prefecture, Municipality municipality, SourceDocumentEntity source,
                 java.util.Map<String, Prefecture> examplePrefectures) {
    }

    /** Replaces everything editable with {@code content}; audience tags are derived again from the criteria. */
    public void apply(ProgramContent c, Parts parts, String user, Instant now) {
        applyFacts(c, parts);
        sections.clear();
        sections.addAll(ProgramContentMapping.sections(c));
        metrics.clear();
        metrics.addAll(ProgramContentMapping.metrics(this, c));
        examples.clear();
        examples.addAll(ProgramContentMapping.examples(this, c, parts.examplePrefectures()));
        dataNotes.clear();
        dataNotes.addAll(ProgramContentMapping.notes(c));
        requiredDocuments.clear();
        requiredDocuments.addAll(c.application().documents());
        periods.clear();
        c.schedule().periods().forEach(p -> periods.add(new ApplicationPeriod(p)));
        targetGroups.clear();
        targetGroups.addAll(ProgramContentMapping.groups(c));
        audiences.clear();
        audiences.addAll(jp.tsunagari.eligibility.AudienceRules.derive(targetGroups));
        touch(user, now);
    }

    /**
     * Shows {@code content} — this version's, as the search index keeps it — in place of the lazy collections, which
     * are then never read: for a program detached from the persistence context, shown and never saved.
     */
    void show(ProgramContent c, java.util.Map<String, Prefecture> examplePrefectures, Set<Audience> audienceTags) {
        sections = new ArrayList<>(ProgramContentMapping.sections(c));
        metrics = ProgramContentMapping.metrics(this, c);
        examples = ProgramContentMapping.examples(this, c, examplePrefectures);
        dataNotes = new ArrayList<>(ProgramContentMapping.notes(c));
        requiredDocuments = new ArrayList<>(c.application().documents());
        periods = new ArrayList<>(c.schedule().periods().stream().map(ApplicationPeriod::new).toList());
        targetGroups = new ArrayList<>(ProgramContentMapping.groups(c));
        audiences = EnumSet.noneOf(Audience.class);
        audiences.addAll(audienceTags);
    }

    public void publish(String user, Instant now) {
        status = PublicationStatus.PUBLISHED;
        touch(user, now);
    }

    public void unpublish(String user, Instant now) {
        status = PublicationStatus.DRAFT;
        touch(user, now);
    }

    private void touch(String user, Instant now) {
        updatedBy = user;
        updatedAt = now;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public PublicationStatus status() {
        return status;
    }

    public boolean isPublished() {
        return status == PublicationStatus.PUBLISHED;
    }

    /** 最終確認日: the day the catalogue office last approved or published this content; null if never. */
    public LocalDate confirmedOn() {
        return confirmedOn;
    }

    /** The day the content was last known true: 最終確認日, else its source's as-of date, else its creation. */
    public LocalDate assuredOn() {
        return assuredOn;
    }

    /** 最終確認日 (and so the re-confirmation cycle) starts anew on {@code day}. */
    public void confirm(LocalDate day) {
        this.confirmedOn = day;
        this.assuredOn = day;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<ProgramSection> sections() {
        return sections;
    }

    public List<ReachMetric> metrics() {
        return metrics;
    }

    public List<ExampleGroup> examples() {
        return examples;
    }

    public List<TargetGroup> targetGroups() {
        return targetGroups;
    }

    public List<String> requiredDocuments() {
        return requiredDocuments;
    }

    /** How to apply and whom to ask (未登録 while empty). */
    public ProgramContent.Application application() {
        return applicationInfo().value(requiredDocuments);
    }

    public List<ApplicationPeriod> periods() {
        return periods;
    }

    /** The program's end and 受付期間 (empty while not registered). */
    public ProgramContent.Schedule schedule() {
        return new ProgramContent.Schedule(endYear(), endMonth(), periods.stream().map(ApplicationPeriod::value).toList());
    }

    public List<DataNote> dataNotes() {
        return dataNotes;
    }

    /** Audience tags in their fixed order (学生, 若者, 出身者, 保護者, 団体, どなたでも). */
    public Set<Audience> audiences() {
        return audiences.isEmpty() ? EnumSet.noneOf(Audience.class) : EnumSet.copyOf(audiences);
    }
}
