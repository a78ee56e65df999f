package jp.tsunagari.catalogue.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import jp.tsunagari.catalogue.Channel;
import jp.tsunagari.catalogue.Lifecycle;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.place.Municipality;
import jp.tsunagari.place.Prefecture;

/**
 * The single-valued facts of a {@link Program} as the source states them: names, category, organizer, dates,
 * channel, summary, benefit, 対象 text and where in the source it comes from. The list pages read these (with the
 * category and organizer fetched in the same query); the structured parts stay in {@link Program}.
 */
@MappedSuperclass
public abstract class ProgramFacts {

    private String name;

    @Column(name = "name_kana")
    private String nameKana;

    @Column(name = "name_en")
    private String nameEn;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_code")
    private CategoryEntity category;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organizer_prefecture_code")
    private Prefecture organizerPrefecture;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organizer_municipality_code")
    private Municipality organizerMunicipality;

    @Column(name = "start_year")
    private Integer startYear;

    @Column(name = "start_month")
    private Integer startMonth;

    @Column(name = "end_year")
    private Integer endYear;

    @Column(name = "end_month")
    private Integer endMonth;

    @Column(name = "event_year")
    private Integer eventYear;

    @Column(name = "event_month")
    private Integer eventMonth;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    private Lifecycle lifecycle;

    private String summary;

    private String benefit;

    @Column(name = "official_url")
    private String officialUrl;

    @Column(name = "eligibility_text")
    private String eligibilityText;

    @Column(name = "examples_heading")
    private String examplesHeading;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "source_document_id")
    private SourceDocumentEntity sourceDocument;

    @Column(name = "source_section")
    private String sourceSection;

    @Column(name = "source_order")
    private Integer sourceOrder;

    @Embedded
    private ApplicationInfo application;

    /** Sets every fact from {@code c}, with the category, places and source document the editor resolved. */
    protected void applyFacts(ProgramContent c, Program.Parts parts) {
        application = ApplicationInfo.of(c.application());
        name = c.name();
        nameKana = c.nameKana();
        nameEn = c.nameEn();
        category = parts.category();
        organizerPrefecture = parts.prefecture();
        organizerMunicipality = parts.municipality();
        startYear = c.startYear();
        startMonth = c.startMonth();
        endYear = c.schedule().endYear();
        endMonth = c.schedule().endMonth();
        eventYear = c.eventYear();
        eventMonth = c.eventMonth();
        channel = c.channel();
        lifecycle = c.lifecycle();
        summary = c.summary();
        benefit = c.benefit();
        officialUrl = c.officialUrl();
        eligibilityText = c.eligibilityText() == null ? "" : c.eligibilityText();
        examplesHeading = c.examplesHeading();
        sourceDocument = parts.source();
        sourceSection = c.sourceSection();
        sourceOrder = c.sourceOrder();
    }

    public String name() {
        return name;
    }

    public String nameKana() {
        return nameKana;
    }

    public String nameEn() {
        return nameEn;
    }

    public CategoryEntity category() {
        return category;
    }

    public Prefecture organizerPrefecture() {
        return organizerPrefecture;
    }

    public Municipality organizerMunicipality() {
        return organizerMunicipality;
    }

    public boolean hasOrganizer() {
        return organizerPrefecture != null;
    }

    public YearMonth start() {
        return startYear == null || startMonth == null ? null : YearMonth.of(startYear, startMonth);
    }

    public Integer endYear() {
        return endYear;
    }

    public Integer endMonth() {
        return endMonth;
    }

    public YearMonth event() {
        return eventYear == null || eventMonth == null ? null : YearMonth.of(eventYear, eventMonth);
    }

    public Channel channel() {
        return channel;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    public String summary() {
        return summary;
    }

    public String benefit() {
        return benefit;
    }

    public String officialUrl() {
        return officialUrl;
    }

    public String eligibilityText() {
        return eligibilityText;
    }

    /** The 対象 cell line by line, as in the source (notes start with ※). */
    public List<String> eligibilityLines() {
        return eligibilityText == null ? List.of()
                : Arrays.stream(eligibilityText.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String examplesHeading() {
        return examplesHeading;
    }

    public SourceDocumentEntity sourceDocument() {
        return sourceDocument;
    }

    public String sourceSection() {
        return sourceSection;
    }

    public Integer sourceOrder() {
        return sourceOrder;
    }

    /** The application columns; all empty (Hibernate gives null for an all-null embeddable) until staff fill them. */
    protected ApplicationInfo applicationInfo() {
        return application == null ? ApplicationInfo.of(ProgramContent.Application.NONE) : application;
    }
}
