package jp.tsunagari.alerts;

import java.util.Optional;
import jp.tsunagari.checker.CheckerForm;
import jp.tsunagari.checker.SavedAnswers;
import jp.tsunagari.search.DiscoveryFilters;
import jp.tsunagari.search.SavedSearches;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * What a subscription follows, read from the parameters of the page it was asked from — a /programs list or
 * category page ({@code q}, {@code category} … as there) or the checker's results (its answers and filters) — and
 * kept in one canonical form, so the same conditions asked twice are one subscription.
 */
@Component
class AlertConditions {

    /** Conditions as kept, and the age given (checker only). */
    record Read(Kind kind, String conditions, Integer age) {
    }

    private final SavedSearches searches;
    private final SavedAnswers answers;

    AlertConditions(SavedSearches searches, SavedAnswers answers) {
        this.searches = searches;
        this.answers = answers;
    }

    /** Longest conditions kept (the column's size). */
    static final int MAX = 4000;

    /** The conditions of these parameters; empty if any value cannot be used (nothing is kept then). */
    Optional<Read> read(MultiValueMap<String, String> p) {
        return readAny(p).filter(r -> r.conditions().length() <= MAX);
    }

    private Optional<Read> readAny(MultiValueMap<String, String> p) {
        if ("checker".equals(p.getFirst("kind"))) {
            SavedAnswers.Saved saved = answers.save(new CheckerForm(p.getFirst("age"), p.getFirst("hometown"),
                    p.getFirst("residence"), p.getFirst("school"), p.getFirst("grade"), p.getFirst("familyHome"),
                    p.getFirst("applicant"), p.getFirst("groupSize"), p.getFirst("groupYoung"), null,
                    p.get("category"), p.get("region"), p.get("pref"), null, null, null));
            return saved.usable() ? Optional.of(new Read(Kind.CHECKER, saved.conditions(), saved.age())) : Optional.empty();
        }
        SavedSearches.Saved saved = searches.save(new DiscoveryFilters.Form(p.getFirst("q"), p.get("category"),
                p.get("region"), p.get("pref"), p.get("audience"), p.get("channel"), p.get("status"), p.get("accepting"),
                p.get("confirmed"), p.getFirst("ended"), null, null));
        return saved.problems().isEmpty() ? Optional.of(new Read(Kind.SEARCH, saved.conditions(), null)) : Optional.empty();
    }

    /** The conditions kept in a form's hidden field ({@code kind} and the canonical query), read again. */
    Optional<Read> reread(String kind, String conditions) {
        if (conditions == null || conditions.length() > MAX || !("checker".equals(kind) || "search".equals(kind))) {
            return Optional.empty();
        }
        MultiValueMap<String, String> p = new org.springframework.util.LinkedMultiValueMap<>();
        try {
            org.springframework.web.util.UriComponentsBuilder.fromUriString("/?" + conditions).build(true)
                    .getQueryParams().forEach((k, values) -> values.forEach(v -> p.add(k, v == null ? ""
                            : java.net.URLDecoder.decode(v, java.nio.charset.StandardCharsets.UTF_8))));
        } catch (IllegalArgumentException notAQuery) {
            return Optional.empty();
        }
        p.set("kind", kind);
        return read(p).filter(r -> r.conditions().equals(conditions));
    }

    static String kindCode(Kind kind) {
        return kind == Kind.CHECKER ? "checker" : "search";
    }

}
