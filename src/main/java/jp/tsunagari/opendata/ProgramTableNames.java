package jp.tsunagari.opendata;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.catalogue.Channel;
import jp.tsunagari.catalogue.Lifecycle;
import jp.tsunagari.catalogue.ProgramValueReader;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.place.Places;
import jp.tsunagari.place.Prefecture;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The current names the program table writes (and the CSV import reads back). */
@Component
public class ProgramTableNames {

    private final Places places;
    private final CategoryEditor categories;
    private final MessageSource messages;
    private final ApiMapper mapper;
    private final ProgramValueReader data;

    ProgramTableNames(Places places, CategoryEditor categories, MessageSource messages, ApiMapper mapper,
                      ProgramValueReader data) {
        this.places = places;
        this.categories = categories;
        this.messages = messages;
        this.mapper = mapper;
        this.data = data;
    }

    public ProgramTable.Names names() {
        Map<String, Prefecture> prefectures = new HashMap<>();
        places.prefectures().forEach(p -> prefectures.put(p.code(), p));
        Map<String, String> categoryNames = new HashMap<>();
        categories.all().forEach(c -> categoryNames.put(c.code(), c.nameJa()));
        Map<String, String> audiences = new HashMap<>();
        for (Audience a : Audience.values()) {
            audiences.put(a.code(), messages.getMessage("audience." + a.code(), null, Locale.JAPANESE));
        }
        Map<String, String> labels = new HashMap<>();
        for (Channel c : Channel.values()) {
            labels.put("channel." + c.name(), messages.getMessage("channel." + c.name(), null, Locale.JAPANESE));
        }
        for (Lifecycle l : Lifecycle.values()) {
            labels.put("lifecycle." + l.name(), messages.getMessage("lifecycle." + l.name(), null, Locale.JAPANESE));
        }
        return new ProgramTable.Names(prefectures, mapper.municipalities(), categoryNames, audiences, labels,
                data.sources());
    }
}
