package jp.tsunagari.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tsunagari.eligibility.Verdict;
import jp.tsunagari.search.DiscoveryFilters;
import jp.tsunagari.search.EligibilityLookup;

/**
 * Which results of the checker to show: one verdict's list ({@code verdict=eligible|check|not-eligible}) at a page,
 * or, without a verdict, the first page of 該当 and of 要確認; narrowed by category, region and prefecture. Unusable
 * values are reported (the page answers 400) and left out.
 */
record CheckerQuery(Verdict verdict, int page, Map<String, Set<String>> filters, List<DiscoveryFilters.Problem> problems) {

    /** Deepest page of a list: the lookup's window. */
    static final int MAX_PAGE = EligibilityLookup.MAX_WINDOW / EligibilityResults.PAGE_SIZE;

    /** URL values of the verdicts, and the message-key part for each. */
    public enum Code {
        ELIGIBLE("eligible", "eligible"), CHECK("check", "check"), NOT_ELIGIBLE("not-eligible", "notEligible");

        final String value;
        final String key;

        Code(String value, String key) {
            this.value = value;
            this.key = key;
        }

        public String value() {
            return value;
        }

        public String key() {
            return key;
        }

        public Verdict verdict() {
            return Verdict.valueOf(name());
        }

        static Optional<Code> of(String value) {
            return Arrays.stream(values()).filter(c -> c.value.equals(value)).findFirst();
        }

        static Code of(Verdict v) {
            return valueOf(v.name());
        }
    }

    static CheckerQuery parse(CheckerForm form, DiscoveryFilters filters) {
        DiscoveryFilters.Selection selection = filters.select(form.category(), form.region(), form.pref());
        List<DiscoveryFilters.Problem> problems = new ArrayList<>(selection.problems());
        Verdict verdict = null;
        if (form.verdict() != null && !form.verdict().isBlank()) {
            Optional<Code> code = Code.of(form.verdict().strip());
            if (code.isPresent()) {
                verdict = code.get().verdict();
            } else {
                problems.add(new DiscoveryFilters.Problem("verdict", "checker.error.verdict", form.verdict()));
            }
        }
        int page = 1;
        if (form.page() != null && !form.page().isBlank()) {
            String p = form.page().strip();
            int n = p.matches("\\d{1,6}") ? Integer.parseInt(p) : -1;
            if (n < 1) {
                problems.add(new DiscoveryFilters.Problem("page", "catalogue.filter.error.page", form.page()));
            } else if (n > MAX_PAGE) {
                problems.add(new DiscoveryFilters.Problem("page", "checker.error.deepPage", Integer.toString(MAX_PAGE)));
            } else {
                page = n;
            }
        }
        return new CheckerQuery(verdict, page, selection.selected(), List.copyOf(problems));
    }

    /** The slices to look up: the chosen verdict's page, or the first page of 該当 and of 要確認. */
    List<EligibilityLookup.Slice> slices() {
        int size = EligibilityResults.PAGE_SIZE;
        if (verdict != null) {
            return List.of(new EligibilityLookup.Slice(verdict, (page - 1) * size, size));
        }
        return List.of(new EligibilityLookup.Slice(Verdict.ELIGIBLE, 0, size), new EligibilityLookup.Slice(Verdict.CHECK, 0, size));
    }

    /** The verdict's URL value, or null. */
    public String verdictValue() {
        return verdict == null ? null : Code.of(verdict).value;
    }
}
