package jp.tsunagari.admin;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.catalogue.FollowUpCounts;
import jp.tsunagari.catalogue.StaffProgramList;
import jp.tsunagari.linkcheck.BrokenLinks;
import jp.tsunagari.place.Places;
import jp.tsunagari.search.Coverage;
import jp.tsunagari.system.StaffScope;
import org.springframework.stereotype.Service;

/**
 * The figures of the overview ({@code /admin/overview}) for one person: the office's over every program, an
 * organization editor's over the programs its organization maintains. Coverage comes from the search index
 * ({@link Coverage}: one pass over the published programs' facet values), the municipalities without a program from
 * its maintainer terms and the place tables kept in memory, the rest from a fixed number of SQL statements
 * ({@link FollowUpCounts}; the broken links' program ids; an organization's program ids,
 * {@link StaffProgramList#idsMaintainedBy}): nothing grows with the catalogue but the index pass and the statements'
 * index ranges.
 */
@Service
class Overview {

    /** Counts nothing: the organization of an organization editor without one (no such account should exist). */
    static final String NO_ORGANIZATION = "none";

    private final Coverage coverage;
    private final FollowUpCounts counts;
    private final BrokenLinks brokenLinks;
    private final CategoryEditor categories;
    private final Places places;
    private final StaffProgramList staffList;

    Overview(Coverage coverage, FollowUpCounts counts, BrokenLinks brokenLinks, CategoryEditor categories,
             Places places, StaffProgramList staffList) {
        this.staffList = staffList;
        this.coverage = coverage;
        this.counts = counts;
        this.brokenLinks = brokenLinks;
        this.categories = categories;
        this.places = places;
    }

    /** Null for the office (every program), else the organization whose programs are counted. */
    static String organization(StaffScope scope) {
        if (scope.office()) {
            return null;
        }
        return scope.organizationCode() == null ? NO_ORGANIZATION : scope.organizationCode();
    }

    CoverageTable coverage(StaffScope scope, Locale locale) {
        return CoverageTable.of(coverage.count(organization(scope)), categories.all(), places.prefectures(), locale);
    }

    /** The office's only: which municipalities organize no published program. */
    MunicipalityGaps gaps(Locale locale) {
        return MunicipalityGaps.of(places.regions(), places.prefectures(), places.municipalitiesWithPrefecture(),
                coverage.organizingMunicipalities(), places.wardParents(), locale);
    }

    FollowUp followUp(StaffScope scope) {
        List<Long> own = scope.office() ? null : staffList.idsMaintainedBy(organization(scope));
        FollowUpCounts.Bands bands = counts.bands(own);
        List<Long> broken = brokenLinks.programIds();
        if (own != null) {
            Set<Long> ids = new HashSet<>(own);
            broken = broken.stream().filter(ids::contains).toList();
        }
        return FollowUp.of(bands, counts.overdue(own), counts.linkFlagged(bands, own), broken.size(),
                counts.reviews(organization(scope)));
    }
}
