package jp.tsunagari.catalogue.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.place.Municipality;
import jp.tsunagari.place.Prefecture;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A program as schema.org JSON-LD ({@code GovernmentService}), built as maps, lists and strings for the page's
 * {@code <script type="application/ld+json">}. The catalogue's content is Japanese, so is everything here
 * ({@code inLanguage: ja}), whatever the page's UI language. Absent facts are left out, never null.
 */
@Component
public class LinkedData {

    static final String CONTEXT = "https://schema.org";
    static final String LG_CODE = "全国地方公共団体コード";

    private final MessageSource messages;

    LinkedData(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code program} must have its parts loaded ({@link ProgramPageLoader}); {@code url} is its canonical URL. */
    public Map<String, Object> governmentService(Program program, String url) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", CONTEXT);
        data.put("@type", "GovernmentService");
        data.put("@id", url);
        data.put("name", program.name());
        putIfPresent(data, "alternateName", program.nameEn());
        putIfPresent(data, "description", program.summary());
        data.put("url", url);
        data.put("inLanguage", "ja");
        data.put("serviceType", program.category().nameJa());
        if (program.hasOrganizer()) {
            data.put("provider", provider(program.organizerPrefecture(), program.organizerMunicipality()));
            data.put("areaServed", area(program.organizerPrefecture(), program.organizerMunicipality()));
        } else if (!program.examples().isEmpty()) {
            Set<String> seen = new LinkedHashSet<>();
            data.put("areaServed", program.examples().stream().map(ExampleGroup::prefecture)
                    .filter(p -> seen.add(p.code())).map(p -> area(p, null)).toList());
        }
        Set<Audience> audiences = program.audiences();
        if (!audiences.isEmpty()) {
            Map<String, Object> audience = ordered("@type", "Audience");
            audience.put("audienceType", audiences.stream()
                    .map(a -> messages.getMessage("audience." + a.code(), null, Locale.JAPANESE)).toList());
            data.put("audience", audience);
        }
        Map<String, Object> channel = channel(program);
        if (channel != null) {
            data.put("availableChannel", channel);
        }
        if (program.sourceDocument() != null) {
            SourceDocumentEntity source = program.sourceDocument();
            Map<String, Object> work = ordered("@type", "CreativeWork", "name", source.title());
            putIfPresent(work, "alternativeHeadline", source.series());
            work.put("inLanguage", "ja");
            data.put("isBasedOn", work);
        }
        return data;
    }

    /**
     * Where to apply and whom to ask (schema.org ServiceChannel with its ContactPoint): the apply URL if registered,
     * else the official page; null when there is neither and no contact.
     */
    private static Map<String, Object> channel(Program program) {
        jp.tsunagari.catalogue.ProgramContent.Application a = program.application();
        String url = present(a.applyUrl()) ? a.applyUrl() : program.officialUrl();
        Map<String, Object> contact = ordered("@type", "ContactPoint");
        putIfPresent(contact, "name", a.contactDepartment());
        putIfPresent(contact, "telephone", a.contactPhone());
        putIfPresent(contact, "email", a.contactEmail());
        putIfPresent(contact, "url", a.contactUrl());
        if (!present(url) && contact.size() == 1) {
            return null;
        }
        Map<String, Object> channel = ordered("@type", "ServiceChannel");
        putIfPresent(channel, "url", program.officialUrl());
        putIfPresent(channel, "serviceUrl", url);
        if (contact.size() > 1) {
            channel.put("servicePhone", contact);
        }
        return channel;
    }

    /** The organizer as a local government: 「青森県南部町」 with its 全国地方公共団体コード. */
    private static Map<String, Object> provider(Prefecture prefecture, Municipality municipality) {
        Map<String, Object> org = ordered("@type", "GovernmentOrganization",
                "name", OrganizerName.of(prefecture, municipality, Locale.JAPANESE));
        String code = municipality != null ? municipality.lgCode() : prefecture.lgCode();
        if (present(code)) {
            org.put("identifier", ordered("@type", "PropertyValue", "propertyID", LG_CODE, "value", code));
        }
        return org;
    }

    /** A prefecture, or a municipality inside its prefecture. */
    private static Map<String, Object> area(Prefecture prefecture, Municipality municipality) {
        Map<String, Object> area = ordered("@type", "AdministrativeArea",
                "name", OrganizerName.of(prefecture, municipality, Locale.JAPANESE));
        if (municipality != null) {
            area.put("containedInPlace", ordered("@type", "AdministrativeArea", "name", prefecture.nameJa()));
        }
        return area;
    }

    private static Map<String, Object> ordered(String... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (present(value)) {
            map.put(key, value);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
