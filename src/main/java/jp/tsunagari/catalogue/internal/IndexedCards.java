package jp.tsunagari.catalogue.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tsunagari.catalogue.Acceptance;
import jp.tsunagari.catalogue.IndexedPages;
import jp.tsunagari.catalogue.ProgramCard;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.SearchSource;
import jp.tsunagari.eligibility.Applicant;
import jp.tsunagari.eligibility.AudienceRules;
import jp.tsunagari.eligibility.CriterionType;
import jp.tsunagari.eligibility.Strength;
import jp.tsunagari.place.Places;
import jp.tsunagari.place.Prefecture;
import jp.tsunagari.system.JapanTime;
import jp.tsunagari.system.Localized;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Program cards made from the pages the search index stores ({@link IndexedPages}) — the same index that ranked
 * them — with the place names kept in memory ({@link Places}) and one statement for the category names: what
 * {@link ProgramFinder}'s card queries read from six tables, derived by the same rules from the same content. Ids the
 * index does not hold are left for the database.
 */
@Component
class IndexedCards {

    private final IndexedPages indexed;
    private final Categories categories;
    private final Places places;
    private final JsonMapper json;
    private final Clock clock;

    IndexedCards(IndexedPages indexed, Categories categories, Places places, JsonMapper json, Clock clock) {
        this.indexed = indexed;
        this.categories = categories;
        this.places = places;
        this.json = json;
        this.clock = clock;
    }

    /** The cards of those of {@code ids} the index holds, by id. */
    Map<Long, ProgramCard> cards(List<Long> ids) {
        Map<Long, SearchSource.Page> pages = ids.isEmpty() ? Map.of() : indexed.pages(ids);
        if (pages.isEmpty()) {
            return Map.of();
        }
        Map<String, CategoryEntity> categoryByCode = new HashMap<>();
        categories.findAll().forEach(c -> categoryByCode.put(c.code(), c));
        LocalDate today = JapanTime.today(clock);
        Map<Long, ProgramCard> cards = new HashMap<>();
        pages.forEach((id, page) -> {
            try {
                ProgramContent c = json.readValue(page.json(), ProgramContent.class);
                CategoryEntity category = categoryByCode.get(c.categoryCode());
                if (category != null) {
                    cards.put(id, card(id, c, category, today));
                }
            } catch (JacksonException e) {
                // left for the database
            }
        });
        return cards;
    }

    private ProgramCard card(long id, ProgramContent c, CategoryEntity category, LocalDate today) {
        Prefecture prefecture = c.organizerPrefectureCode() == null ? null
                : places.prefecture(c.organizerPrefectureCode()).orElse(null);
        Localized municipality = c.organizerMunicipalityCode() == null ? null
                : places.namesOf(List.of(c.organizerMunicipalityCode())).get(c.organizerMunicipalityCode());
        ProgramCard.Row row = new ProgramCard.Row(id, c.name(), category.code(), category.nameJa(), category.nameEn(),
                prefecture == null ? null : prefecture.code(), prefecture == null ? null : prefecture.nameJa(),
                prefecture == null ? null : prefecture.nameEn(), municipality == null ? null : c.organizerMunicipalityCode(),
                municipality == null ? null : municipality.nameJa(), municipality == null ? null : municipality.nameEn(),
                c.startYear(), c.startMonth(), c.eventYear(), c.eventMonth(), c.summary(), c.lifecycle(),
                c.schedule().endYear(), c.schedule().endMonth());
        Set<jp.tsunagari.eligibility.Audience> audiences = AudienceRules.derive(ProgramContentMapping.groups(c));
        ProgramCard.KeyMetric metric = c.metrics().isEmpty() ? null : metric(c.metrics().get(0));
        List<ProgramCard.Place> examplePlaces = new ArrayList<>();
        c.examples().forEach(e -> places.prefecture(e.prefectureCode()).ifPresent(p ->
                examplePlaces.add(new ProgramCard.Place(p.code(), p.nameJa(), p.nameEn()))));
        return new ProgramCard(row, audiences.isEmpty() ? Set.of() : EnumSet.copyOf(audiences), metric,
                List.copyOf(examplePlaces), keyEligibility(c), Acceptance.of(c.lifecycle(), c.schedule(), today));
    }

    private static ProgramCard.KeyMetric metric(ProgramContent.Metric m) {
        return new ProgramCard.KeyMetric(m.labelJa(), m.labelEn(), m.value(), m.unitJa(), m.asOf());
    }

    /** As {@link ProgramFinder}'s key eligibility: hard age ranges and applicant kinds, in group and criterion order. */
    private static ProgramCard.KeyEligibility keyEligibility(ProgramContent c) {
        Set<String> ages = new LinkedHashSet<>();
        Set<Applicant> applicants = EnumSet.noneOf(Applicant.class);
        boolean any = false;
        for (ProgramContent.Group g : c.targetGroups()) {
            for (ProgramContent.Rule r : g.criteria()) {
                if (r.strength() != Strength.HARD) {
                    continue;
                }
                if (r.type() == CriterionType.AGE) {
                    ages.add(ProgramCard.KeyEligibility.range(r.minAge(), r.maxAge()));
                    any = true;
                } else if (r.type() == CriterionType.APPLICANT && !r.applicants().isEmpty()) {
                    applicants.addAll(r.applicants());
                    any = true;
                }
            }
        }
        return any ? new ProgramCard.KeyEligibility(List.copyOf(ages), applicants) : ProgramCard.KeyEligibility.NONE;
    }
}
