package jp.tsunagari.catalogue;

import java.util.List;

/**
 * The list page's GET parameters exactly as sent, so that nothing is lost when a value is invalid.
 * {@link ProgramFilters} turns it into a {@link ProgramQuery} plus messages for the values it could not use.
 */
public record ProgramFilterForm(List<String> category, List<String> region, List<String> pref,
                                List<String> audience, String sort, String page) {

    public ProgramFilterForm {
        category = clean(category);
        region = clean(region);
        pref = clean(pref);
        audience = clean(audience);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
                .distinct().toList();
    }

    public static ProgramFilterForm empty() {
        return new ProgramFilterForm(null, null, null, null, null, null);
    }
}
