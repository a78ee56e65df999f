package jp.tsunagari.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramValueReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What synthetic programs are recombined from, read from the database at run time: the seeded programs (ids below
 * {@value #FIRST_GENERATED}, as V5 left them or as staff edited them), the real municipalities and prefectures.
 */
record SeedMaterial(List<Seed> seeds, Map<String, List<Seed>> seedsByCategory, List<Place> municipalities,
                    List<Place> prefectures, Map<String, Place> placesByCode) {

    /** The seed uses ids below this; generated ids start above (as catalogue's ProgramIds). */
    static final long FIRST_GENERATED = 1000;

    /** A local government: a prefecture (2-digit code, no parent) or a municipality with its prefecture's code. */
    record Place(String code, String prefectureCode, String nameJa, String nameKana, String stemJa, String stemKana) {

        boolean isPrefecture() {
            return code.length() == 2;
        }
    }

    /** A seeded program with the organizer it names (for replacing the seed's place names in its text). */
    record Seed(long id, ProgramContent content, Place municipality, Place prefecture) {
    }

    static SeedMaterial load(JdbcTemplate jdbc, ProgramValueReader data) {
        Map<String, Place> byCode = new LinkedHashMap<>();
        List<Place> prefectures = new ArrayList<>();
        jdbc.query("select code, name_ja, name_kana from prefecture order by code", rs -> {
            String name = rs.getString(2);
            String kana = rs.getString(3);
            Place p = new Place(rs.getString(1), rs.getString(1), name, kana, stem(name, "都府県"),
                    kanaStem(name, kana));
            prefectures.add(p);
            byCode.put(p.code(), p);
        });
        List<Place> municipalities = new ArrayList<>();
        // Whole municipalities only: no wards of designated cities, no Northern-Territories villages.
        jdbc.query("select lg_code, prefecture_code, name_ja, name_kana from municipality"
                + " where parent_lg_code is null and northern_territories = false order by lg_code", rs -> {
            String name = rs.getString(3);
            String kana = rs.getString(4);
            Place m = new Place(rs.getString(1), rs.getString(2), name, kana, stem(name, "市町村区"), kanaStem(name, kana));
            municipalities.add(m);
            byCode.put(m.code(), m);
        });
        List<Long> ids = jdbc.queryForList("select id from program where id < ? order by id", Long.class,
                FIRST_GENERATED);
        List<Seed> seeds = new ArrayList<>();
        Map<String, List<Seed>> byCategory = new LinkedHashMap<>();
        jdbc.queryForList("select code from category order by number", String.class)
                .forEach(c -> byCategory.put(c, new ArrayList<>()));
        for (ProgramValueReader.Entry e : data.published(ids)) {
            ProgramContent c = e.content();
            Seed seed = new Seed(e.id(), c, c.organizerMunicipalityCode() == null ? null
                    : byCode.get(c.organizerMunicipalityCode()),
                    c.organizerPrefectureCode() == null ? null : byCode.get(c.organizerPrefectureCode()));
            seeds.add(seed);
            byCategory.computeIfAbsent(c.categoryCode(), k -> new ArrayList<>()).add(seed);
        }
        byCategory.values().removeIf(List::isEmpty);
        if (seeds.isEmpty() || municipalities.isEmpty()) {
            throw new IllegalStateException("No seeded programs or municipalities to recombine (ids below "
                    + FIRST_GENERATED + ")");
        }
        return new SeedMaterial(List.copyOf(seeds), byCategory, List.copyOf(municipalities), List.copyOf(prefectures),
                byCode);
    }

    /** 宮津市 → 宮津, 鳥取県 → 鳥取, 北海道 and names that would become too short stay whole. */
    static String stem(String name, String suffixes) {
        if (name.length() > 2 && suffixes.indexOf(name.charAt(name.length() - 1)) >= 0) {
            return name.substring(0, name.length() - 1);
        }
        return name;
    }

    /** みやづし → みやづ, とっとりけん → とっとり, なんぶちょう → なんぶ (the reading of {@link #stem}). */
    static String kanaStem(String name, String kana) {
        if (name.length() <= 2) {
            return kana;
        }
        for (String suffix : List.of("けん", "ちょう", "まち", "むら", "そん", "し", "ふ", "と", "く")) {
            if (kana.endsWith(suffix) && kana.length() > suffix.length() + 1 && suffixMatches(name, suffix)) {
                return kana.substring(0, kana.length() - suffix.length());
            }
        }
        return kana;
    }

    private static boolean suffixMatches(String name, String suffix) {
        char last = name.charAt(name.length() - 1);
        return switch (suffix) {
            case "けん" -> last == '県';
            case "ちょう", "まち" -> last == '町';
            case "むら", "そん" -> last == '村';
            case "し" -> last == '市';
            case "ふ" -> last == '府';
            case "と" -> last == '都';
            case "く" -> last == '区';
            default -> false;
        };
    }
}
