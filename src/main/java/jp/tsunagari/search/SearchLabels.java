package jp.tsunagari.search;

import java.util.Locale;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.Localized;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Display names of filter values for the applied-filter tags ({@code ${@searchLabels.label('pref', '02', #locale)}}). */
@Component("searchLabels")
class SearchLabels {

    private final CategoryEditor categories;
    private final Places places;
    private final MessageSource messages;

    SearchLabels(CategoryEditor categories, Places places, MessageSource messages) {
        this.categories = categories;
        this.places = places;
        this.messages = messages;
    }

    public String label(String dimension, String value, Locale locale) {
        return switch (dimension) {
            case "category" -> categories.find(value).map(c -> c.name(locale)).orElse(value);
            case "region" -> places.region(value).map(r -> r.name(locale)).orElse(value);
            case "pref" -> places.prefecture(value).map(p -> ((Localized) p).name(locale)).orElse(value);
            case "audience" -> Audience.fromCode(value).map(a -> msg("audience." + a.code(), locale)).orElse(value);
            case "channel" -> Codes.channel(value).map(c -> msg("channel." + c.name(), locale)).orElse(value);
            case "status" -> Codes.status(value).map(l -> msg("lifecycle." + l.name(), locale)).orElse(value);
            case "accepting" -> jp.tsunagari.catalogue.Acceptance.fromCode(value)
                    .map(a -> msg("acceptance." + a.code(), locale)).orElse(value);
            case "confirmed" -> ProgramDocuments.RECENT.equals(value) ? msg("programs.filter.confirmed.recent", locale)
                    : value;
            case "ended" -> DiscoveryFilters.INCLUDE.equals(value) ? msg("search.ended.include", locale) : value;
            default -> value;
        };
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
