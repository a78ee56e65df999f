package jp.tsunagari.search;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normalisation applied to indexed text and to queries alike: NFKC (ＬＩＮＥ → LINE, ５ → 5, ｶﾀｶﾅ → カタカナ),
 * lower case, and katakana folded to hiragana (エール便 → えーる便), so that either script finds the other.
 */
final class TextNormalizer {

    private TextNormalizer() {
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return foldKana(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    }

    /** Katakana ァ (U+30A1) … ヶ (U+30F6) to the hiragana at the same offset; ー and others unchanged. */
    static String foldKana(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= '\u30A1' && c <= '\u30F6' ? (char) (c - 0x60) : c);
        }
        return out.toString();
    }
}
