package jp.tsunagari.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.tsunagari.place.Municipality;
import jp.tsunagari.place.Prefecture;
import jp.tsunagari.place.Region;

/**
 * The municipalities that organize no published program, per region: of the official municipalities (the 1,741 —
 * no designated-city wards, no Northern-Territories villages), those that are no published program's organizer
 * ({@code program.organizer_municipality_code}); a program organized by a ward counts for its city. The list of them
 * in code order is the overview's municipalities CSV.
 */
record MunicipalityGaps(List<RegionRow> regions, RegionRow total, List<Gap> gaps) {

    /** A region: how many municipalities it has and how many of them organize no published program. */
    record RegionRow(String code, String name, long municipalities, long without) {
    }

    /** A municipality without a program, with its prefecture's and region's names. */
    record Gap(String code, String name, String prefecture, String region) {
    }

    /**
     * {@code organizing}: the codes of municipalities and wards that organize a published program; {@code wardParents}
     * ward code → city code; {@code prefectures} with their regions loaded.
     */
    static MunicipalityGaps of(List<Region> regions, List<Prefecture> prefectures, List<Municipality> municipalities,
                               Set<String> organizing, Map<String, String> wardParents, Locale locale) {
        Set<String> covered = new java.util.HashSet<>(organizing);
        organizing.forEach(code -> {
            if (wardParents.containsKey(code)) {
                covered.add(wardParents.get(code));
            }
        });
        Map<String, Prefecture> prefectureByCode = new LinkedHashMap<>();
        prefectures.forEach(p -> prefectureByCode.put(p.code(), p));
        Map<String, long[]> perRegion = new LinkedHashMap<>();
        regions.forEach(r -> perRegion.put(r.code(), new long[2]));
        List<Gap> gaps = new ArrayList<>();
        for (Municipality m : municipalities) {
            Prefecture p = prefectureByCode.get(m.prefectureCode());
            if (!m.countsAsMunicipality() || p == null) {
                continue;
            }
            long[] n = perRegion.computeIfAbsent(p.region().code(), k -> new long[2]);
            n[0]++;
            if (!covered.contains(m.lgCode())) {
                n[1]++;
                gaps.add(new Gap(m.lgCode(), m.name(locale), p.name(locale), p.region().name(locale)));
            }
        }
        List<RegionRow> rows = regions.stream().map(r -> new RegionRow(r.code(), r.name(locale),
                perRegion.get(r.code())[0], perRegion.get(r.code())[1])).toList();
        RegionRow total = new RegionRow("", "", rows.stream().mapToLong(RegionRow::municipalities).sum(),
                rows.stream().mapToLong(RegionRow::without).sum());
        return new MunicipalityGaps(rows, total, gaps);
    }
}
