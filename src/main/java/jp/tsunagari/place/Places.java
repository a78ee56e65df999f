package jp.tsunagari.place;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.tsunagari.system.Localized;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public face of the place module: regions, prefectures and municipalities for the other modules.
 * Reference data changes only through migrations, so the small lists are read once and kept.
 */
@Service
@Transactional(readOnly = true)
public class Places {

    private final Regions regions;
    private final Prefectures prefectures;
    private final Municipalities municipalities;
    private final jp.tsunagari.system.ChangeMarker marker;
    private volatile Snapshot snapshot;
    private volatile MunicipalityTable municipalityTable;

    Places(Regions regions, Prefectures prefectures, Municipalities municipalities, jp.tsunagari.system.ChangeMarker marker) {
        this.regions = regions;
        this.prefectures = prefectures;
        this.municipalities = municipalities;
        this.marker = marker;
    }

    private record Snapshot(List<Region> regions, List<Prefecture> prefectures, Map<String, Prefecture> byCode) {
    }

    /** Every municipality and ward with its prefecture, in code order and by code: read once and kept. */
    private record MunicipalityTable(List<Municipality> list, Map<String, Municipality> byCode) {
    }

    private MunicipalityTable municipalityTable() {
        MunicipalityTable t = municipalityTable;
        if (t == null) {
            List<Municipality> list = List.copyOf(municipalities.findAllWithPrefecture());
            t = new MunicipalityTable(list,
                    list.stream().collect(Collectors.toUnmodifiableMap(Municipality::lgCode, Function.identity())));
            municipalityTable = t;
        }
        return t;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            List<Prefecture> all = prefectures.findAllWithRegion();
            s = new Snapshot(List.copyOf(regions.findAllByOrderBySortOrder()), List.copyOf(all),
                    all.stream().collect(Collectors.toMap(Prefecture::code, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
            snapshot = s;
        }
        return s;
    }

    /** Forgets the cached regions and prefectures, so that names changed (by any instance) are read again. */
    public void refresh() {
        snapshot = null;
        municipalityTable = null;
    }

    /** The 8 regions in their conventional order (北海道 first). */
    public List<Region> regions() {
        return snapshot().regions();
    }

    /** All 47 prefectures in code order, each with its region loaded. */
    public List<Prefecture> prefectures() {
        return snapshot().prefectures();
    }

    public Optional<Prefecture> prefecture(String code) {
        return Optional.ofNullable(snapshot().byCode().get(code));
    }

    public Optional<Region> region(String code) {
        return regions().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** Prefectures of each region, regions in order. */
    public Map<Region, List<Prefecture>> prefecturesByRegion() {
        // One snapshot throughout: a refresh between two reads gave other Region instances (a 500 under load).
        Snapshot s = snapshot();
        Map<String, Region> regionByCode = s.regions().stream()
                .collect(Collectors.toMap(Region::code, Function.identity()));
        Map<Region, List<Prefecture>> grouped = new LinkedHashMap<>();
        s.regions().forEach(r -> grouped.put(r, new java.util.ArrayList<>()));
        s.prefectures().forEach(p -> grouped.get(regionByCode.get(p.region().code())).add(p));
        return grouped;
    }

    public Optional<Municipality> municipality(String lgCode) {
        return municipalities.findById(lgCode);
    }

    /**
     * Names for a mix of 2-digit prefecture codes and 6-digit municipality codes (as used in eligibility
     * criteria), from the reference tables kept in memory (read once, like the pickers'). Unknown codes are left out.
     */
    public Map<String, Localized> namesOf(Collection<String> codes) {
        Map<String, Localized> names = new LinkedHashMap<>();
        codes.stream().filter(c -> c.length() == 2).forEach(c -> prefecture(c).ifPresent(p -> names.put(c, p)));
        if (codes.stream().anyMatch(c -> c.length() == 6)) {
            Map<String, Municipality> byCode = municipalityTable().byCode();
            codes.stream().filter(c -> c.length() == 6).map(byCode::get).filter(m -> m != null)
                    .forEach(m -> names.put(m.lgCode(), m));
        }
        return names;
    }

    /**
     * Names of organizations by their 6-digit 全国地方公共団体コード — a prefecture's own (430005 熊本県) or a
     * municipality's —, unknown codes left out: one query for the municipalities, whatever their number.
     */
    public Map<String, Localized> organizationNames(Collection<String> codes) {
        Map<String, Localized> names = new LinkedHashMap<>();
        List<String> municipalityCodes = new java.util.ArrayList<>();
        for (String code : codes) {
            String prefecture = code == null ? null : LgCode.prefectureOf(code);
            if (prefecture != null) {
                prefecture(prefecture).ifPresent(p -> names.put(code, p));
            } else if (code != null && code.length() == 6) {
                municipalityCodes.add(code);
            }
        }
        names.putAll(namesOf(municipalityCodes));
        return names;
    }

    /**
     * Resolves one area as staff type it: a 2-digit prefecture code, a 6-digit 全国地方公共団体コード (a prefecture's own,
     * such as 430005 for 熊本県, gives its 2-digit code), a prefecture name (栃木県 or 栃木), or a municipality name that
     * is unique in the country (宮津市). Empty if none or ambiguous.
     */
    public Optional<String> resolveArea(String typed) {
        String t = typed == null ? "" : typed.strip();
        int space = t.indexOf(' ');
        String first = space > 0 ? t.substring(0, space) : t;
        if (first.length() == 2 && prefecture(first).isPresent()) {
            return Optional.of(first);
        }
        if (first.length() == 6 && LgCode.isValid(first)) {
            String prefecture = LgCode.prefectureOf(first);
            if (prefecture != null) {
                return prefecture(prefecture).map(Prefecture::code);
            }
            return municipalities.findById(first).map(Municipality::lgCode);
        }
        Optional<Prefecture> byName = prefectures().stream()
                .filter(p -> p.nameJa().equals(t) || p.nameJa().equals(t + "都") || p.nameJa().equals(t + "道")
                        || p.nameJa().equals(t + "府") || p.nameJa().equals(t + "県"))
                .findFirst();
        if (byName.isPresent()) {
            return byName.map(Prefecture::code);
        }
        if (t.indexOf('\u0000') >= 0) {
            return Optional.empty(); // no place name has one, and PostgreSQL refuses NUL in text
        }
        List<Municipality> named = municipalities.findByNameJa(t);
        return named.size() == 1 ? Optional.of(named.get(0).lgCode()) : Optional.empty();
    }

    /** The 171 designated-city wards and their cities (ward code → city code). */
    public Map<String, String> wardParents() {
        Map<String, String> parents = new java.util.HashMap<>();
        municipalities.wardParents().forEach(r -> parents.put((String) r[0], (String) r[1]));
        return parents;
    }

    /** Every municipality and ward with its prefecture, in code order (for pickers); read once and kept. */
    public List<Municipality> municipalitiesWithPrefecture() {
        return municipalityTable().list();
    }

    /** Municipalities whose code starts with, or whose name, reading, English name or prefecture contains, the text. */
    public List<Municipality> searchMunicipalities(String text, int limit) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return List.of();
        }
        String like = "%" + t.replace("%", "").replace("_", "") + "%";
        return municipalities.search(t + "%", like, like.toLowerCase(java.util.Locale.ROOT),
                org.springframework.data.domain.PageRequest.of(0, limit));
    }

    /** Changes the names of a prefecture or municipality (codes never change); staff only. */
    @Transactional
    public void rename(String code, String ja, String kana, String en) {
        if (code.length() == 2) {
            prefectures.findById(code).orElseThrow(() -> new jp.tsunagari.system.NotFoundException("prefecture " + code))
                    .rename(ja, kana, en);
        } else {
            municipalities.findById(code).orElseThrow(() -> new jp.tsunagari.system.NotFoundException("municipality " + code))
                    .rename(ja, kana, en);
        }
        refresh();
        marker.bump();
    }

    /** Number of municipalities by the official count (1,741 for the 2024-01-01 list). */
    public long officialMunicipalityCount() {
        return municipalities.countOfficial();
    }

    public long municipalityRowCount() {
        return municipalities.count();
    }
}
