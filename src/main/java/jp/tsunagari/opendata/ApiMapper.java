package jp.tsunagari.opendata;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jp.tsunagari.catalogue.Acceptance;
import jp.tsunagari.catalogue.Category;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.catalogue.ProgramCard;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramValueReader;
import jp.tsunagari.catalogue.SourceDocument;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.place.Municipality;
import jp.tsunagari.place.Places;
import jp.tsunagari.place.Prefecture;
import jp.tsunagari.search.Codes;
import jp.tsunagari.system.JapanTime;
import jp.tsunagari.system.Localized;
import jp.tsunagari.system.PublicUrls;
import org.springframework.stereotype.Component;

/** Builds the API's views from catalogue values, with names from the place and category lists. */
@Component
class ApiMapper {

    private final Places places;
    private final CategoryEditor categories;
    private final PublicUrls links;

    private final Clock clock;
    private final jp.tsunagari.catalogue.Freshness freshness;

    ApiMapper(Places places, CategoryEditor categories, PublicUrls links, Clock clock,
              jp.tsunagari.catalogue.Freshness freshness) {
        this.clock = clock;
        this.freshness = freshness;
        this.places = places;
        this.categories = categories;
        this.links = links;
    }

    /** Enum values as the API and the URL filters spell them: ONE_OFF → one-off. */
    static String code(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String month(Integer year, Integer month) {
        return year == null || month == null ? null : YearMonth.of(year, month).toString();
    }

    ApiViews.ProgramSummary summary(ProgramCard c) {
        ProgramCard.Row r = c.row();
        ApiViews.Organizer organizer = r.prefectureCode() == null ? null : new ApiViews.Organizer(
                r.municipalityCode() != null ? r.municipalityCode() : prefectureLgCode(r.prefectureCode()),
                new ApiViews.Named(r.prefectureCode(), r.prefectureNameJa(), r.prefectureNameEn()),
                r.municipalityCode() == null ? null
                        : new ApiViews.Named(r.municipalityCode(), r.municipalityNameJa(), r.municipalityNameEn()));
        ApiViews.Metric metric = c.keyMetric() == null ? null : new ApiViews.Metric(c.keyMetric().labelJa(),
                c.keyMetric().labelEn(), c.keyMetric().value(), c.keyMetric().unitJa(), c.keyMetric().asOf());
        return new ApiViews.ProgramSummary(r.id(), links.absolute("/programs/" + r.id()), r.name(),
                new ApiViews.Named(r.categoryCode(), r.categoryNameJa(), r.categoryNameEn()), organizer,
                month(r.startYear(), r.startMonth()), month(r.eventYear(), r.eventMonth()), r.summary(),
                c.audiences().stream().map(Audience::code).toList(), c.keyEligibility().ageRanges(), metric,
                c.examplePlaces().stream().map(p -> new ApiViews.Named(p.code(), p.nameJa(), p.nameEn())).toList(),
                c.acceptance().code(), confirmation(r.assuredOn()));
    }

    private ApiViews.Confirmation confirmation(LocalDate assuredOn) {
        return new ApiViews.Confirmation(freshness.state(assuredOn, freshness.today()).code(), assuredOn);
    }

    ApiViews.ProgramDetail detail(ProgramValueReader.Entry e, Map<Integer, SourceDocument> sources) {
        ProgramContent c = e.content();
        Map<String, Localized> areaNames = places.namesOf(c.targetGroups().stream()
                .flatMap(g -> g.criteria().stream()).flatMap(r -> r.areas().stream()).collect(Collectors.toSet()));
        SourceDocument doc = c.sourceDocumentId() == null ? null : sources.get(c.sourceDocumentId());
        return new ApiViews.ProgramDetail(e.id(), links.absolute("/programs/" + e.id()), c.name(), c.nameKana(), c.nameEn(),
                category(c.categoryCode()), organizer(c.organizerPrefectureCode(), c.organizerMunicipalityCode()),
                month(c.startYear(), c.startMonth()), month(c.eventYear(), c.eventMonth()),
                code(c.channel()), c.lifecycle() == null ? null : Codes.status(c.lifecycle()),
                c.summary(), c.benefit(), c.officialUrl(), c.eligibilityText(),
                e.audiences().stream().map(Audience::code).toList(),
                c.sections().stream().map(s -> new ApiViews.Section(s.heading(), s.items().stream()
                        .map(i -> new ApiViews.Item(i.level(), code(i.kind()), i.text())).toList())).toList(),
                c.metrics().stream().map(m -> new ApiViews.Metric(m.labelJa(), m.labelEn(), m.value(), m.unitJa(),
                        m.asOf())).toList(),
                c.examplesHeading(),
                c.examples().stream().map(x -> new ApiViews.Example(x.name(), x.description(),
                        prefecture(x.prefectureCode()))).toList(),
                c.targetGroups().stream().map(g -> new ApiViews.EligibilityGroup(g.label(), g.criteria().stream()
                        .map(r -> criterion(r, areaNames)).toList(), g.validFrom(), g.validTo())).toList(),
                c.dataNotes().stream().map(n -> new ApiViews.Note(n.ja(), n.en())).toList(),
                doc == null ? null : new ApiViews.Source(doc.id(), doc.title(), doc.series(), c.sourceSection(),
                        c.sourceOrder(), doc.asOf(), doc.asOfText()),
                e.updatedAt(), e.confirmedOn(), confirmation(e.assuredOn()), application(c.application()), schedule(c));
    }

    private ApiViews.Schedule schedule(ProgramContent c) {
        ProgramContent.Schedule s = c.schedule();
        LocalDate today = JapanTime.today(clock);
        String end = s.endYear() == null ? null : s.endMonth() == null ? s.endYear().toString()
                : month(s.endYear(), s.endMonth());
        return new ApiViews.Schedule(end, s.periods().stream().map(p -> new ApiViews.Period(p.start(), p.end(),
                p.yearly())).toList(), Acceptance.of(c.lifecycle(), s, today).code(), today);
    }

    private static ApiViews.Application application(ProgramContent.Application a) {
        return new ApiViews.Application(a.method(), a.applyUrl(), new ApiViews.Contact(a.contactDepartment(),
                a.contactPhone(), a.contactEmail(), a.contactUrl()), a.documents(), code(a.cost()), a.costAmount(),
                a.costText());
    }

    private static ApiViews.Criterion criterion(ProgramContent.Rule r, Map<String, Localized> names) {
        return new ApiViews.Criterion(code(r.type()), code(r.strength()), code(r.subject()), r.sourceText(),
                r.minAge(), r.maxAge(), r.areas().stream().map(a -> {
                    Localized n = names.get(a);
                    return new ApiViews.Named(a, n == null ? null : n.nameJa(), n == null ? null : n.nameEn());
                }).toList(), r.areaLabel(), r.outside(), r.domesticOnly(), r.schools(),
                r.applicants().stream().map(jp.tsunagari.eligibility.Applicant::code).toList(), r.minGroupSize(),
                r.youngMaxAge(), r.youngShareNum(), r.youngShareDen(),
                r.audienceHint() == null ? null : r.audienceHint().code(), r.note());
    }

    ApiViews.Named category(String code) {
        return categories.find(code).map(k -> new ApiViews.Named(k.code(), k.nameJa(), k.nameEn()))
                .orElse(new ApiViews.Named(code, null, null));
    }

    ApiViews.Named prefecture(String code) {
        return code == null ? null : places.prefecture(code).map(p -> new ApiViews.Named(p.code(), p.nameJa(), p.nameEn()))
                .orElse(new ApiViews.Named(code, null, null));
    }

    ApiViews.Organizer organizer(String prefectureCode, String municipalityCode) {
        if (prefectureCode == null) {
            return null;
        }
        ApiViews.Named municipality = null;
        if (municipalityCode != null) {
            Municipality m = municipalities().get(municipalityCode);
            municipality = new ApiViews.Named(municipalityCode, m == null ? null : m.nameJa(), m == null ? null : m.nameEn());
        }
        return new ApiViews.Organizer(municipalityCode != null ? municipalityCode : prefectureLgCode(prefectureCode),
                prefecture(prefectureCode), municipality);
    }

    String prefectureLgCode(String code) {
        return places.prefecture(code).map(Prefecture::lgCode).orElse(null);
    }

    private record MunicipalityIndex(List<Municipality> list, Map<String, Municipality> byCode) {
    }

    private volatile MunicipalityIndex municipalityIndex;

    /** Municipalities by code, rebuilt only when the place module's list changes (after a rename). */
    Map<String, Municipality> municipalities() {
        List<Municipality> list = places.municipalitiesWithPrefecture();
        MunicipalityIndex index = municipalityIndex;
        if (index == null || index.list() != list) {
            Map<String, Municipality> byCode = new HashMap<>();
            list.forEach(m -> byCode.put(m.lgCode(), m));
            index = new MunicipalityIndex(list, byCode);
            municipalityIndex = index;
        }
        return index.byCode();
    }

    ApiViews.Category category(Category k) {
        return new ApiViews.Category(k.code(), k.number(), k.nameJa(), k.nameEn(), k.descriptionJa(), k.descriptionEn());
    }

    List<ApiViews.Category> categories() {
        return categories.all().stream().map(this::category).toList();
    }
}
