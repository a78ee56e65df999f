package jp.tsunagari.synthetic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tsunagari.synthetic.SeedMaterial.Place;
import jp.tsunagari.synthetic.SeedMaterial.Seed;

/** Replaces a seed's organizer names (full, stem, reading stem) by the target's in one pass. */
final class PlaceNameReplacer {

    private enum Role { MUNI_FULL, MUNI_STEM, MUNI_KANA, PREF_FULL, PREF_STEM, PREF_KANA }

    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, Role> kanaRoles = new LinkedHashMap<>();
    private final Pattern pattern;
    private final Pattern kanaPattern;

    PlaceNameReplacer(Seed seed) {
        if (seed.municipality() != null) {
            add(seed.municipality().nameJa(), Role.MUNI_FULL);
            add(seed.municipality().stemJa(), Role.MUNI_STEM);
            add(seed.municipality().stemKana(), Role.MUNI_KANA);
        }
        if (seed.prefecture() != null) {
            add(seed.prefecture().nameJa(), Role.PREF_FULL);
            add(seed.prefecture().stemJa(), Role.PREF_STEM);
            add(seed.prefecture().stemKana(), Role.PREF_KANA);
        }
        pattern = longestFirst(roles);
        if (seed.municipality() != null) {
            kanaRoles.putIfAbsent(seed.municipality().stemKana(), Role.MUNI_KANA);
        }
        if (seed.prefecture() != null) {
            kanaRoles.putIfAbsent(seed.prefecture().stemKana(), Role.PREF_KANA);
        }
        kanaPattern = longestFirst(kanaRoles);
    }

    /** One alternation of the keys, longer ones first (a full name before its stem); null when there are none. */
    private static Pattern longestFirst(Map<String, Role> keys) {
        return keys.isEmpty() ? null : Pattern.compile(keys.keySet().stream()
                .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote)
                .reduce((a, b) -> a + "|" + b).orElseThrow());
    }

    private void add(String key, Role role) {
        // Short readings (ひだ) would also match inside other words; names and stems are specific enough.
        if (key != null && !key.isEmpty() && !(role.name().endsWith("KANA") && key.length() < 3)) {
            roles.putIfAbsent(key, role);
        }
    }

    boolean finds(String text) {
        return pattern != null && pattern.matcher(text).find();
    }

    String apply(String text, Recombiner.Target target) {
        if (pattern == null || text == null) {
            return text;
        }
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(replacement(roles.get(m.group()), target)));
    }

    /** The reading of a name whose place was replaced: the seed's reading stems become the target's. */
    String applyKana(String kana, Recombiner.Target target) {
        if (kanaPattern == null) {
            return kana;
        }
        return kanaPattern.matcher(kana).replaceFirst(m -> Matcher.quoteReplacement(
                replacement(kanaRoles.get(m.group()), target)));
    }

    private static String replacement(Role role, Recombiner.Target target) {
        Place m = target.organizer();
        Place p = target.prefecture();
        return switch (role) {
            case MUNI_FULL -> m.nameJa();
            case MUNI_STEM -> m.stemJa();
            case MUNI_KANA -> m.stemKana();
            case PREF_FULL -> p.nameJa();
            case PREF_STEM -> p.stemJa();
            case PREF_KANA -> p.stemKana();
        };
    }
}
