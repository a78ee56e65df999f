package jp.tsunagari.needs;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A search's text as it is counted: NFKC (ＬＩＮＥ → LINE, ０９０ → 090, full-width space → space), lower case, every
 * run of white space one space, no space at either end, at most {@value #MAX_LENGTH} characters; and whether it looks
 * like personal data, in which case it is not counted at all (docs/security.md, "Unmet needs"):
 * <ul>
 * <li>it contains {@code @} (every e-mail address has one; no program name needs it);</li>
 * <li>it contains {@value #MAX_DIGITS} or more digits in a row, where two digits count as in a row when at most
 * {@value #MAX_GAP} characters stand between them and all of them are spaces, hyphens or dashes ({@code - ‐ ‑ ‒ – — ―
 * − ー}), dots, slashes or brackets, or {@code +}: telephone numbers (090-1234-5678, 03-1234-5678, 0312345678,
 * +81 90 1234 5678, 03(1234)5678, 090ー1234ー5678), postal codes (123-4567), マイナンバー, card and account numbers. A
 * number of six digits or fewer (2026, 100000) is kept.</li>
 * </ul>
 * Control characters count as spaces and half characters (a lone surrogate) are left out. Only the first
 * {@value #MAX_LENGTH} characters are looked at and kept; what lies beyond is neither.
 */
final class QueryText {

    static final int MAX_LENGTH = 100;
    static final int MAX_DIGITS = 7;
    static final int MAX_GAP = 3;
    /** Characters read of what was typed (the search page takes 200): normalising never reads more. */
    static final int MAX_READ = 400;
    private static final String SEPARATORS = " -‐‑‒–—―−ー.()[]/+";

    private QueryText() {
    }

    /** The text as counted, or "" for null or blank. */
    static String normalize(String typed) {
        if (typed == null || typed.isBlank()) {
            return "";
        }
        String read = typed.length() > MAX_READ ? cut(typed, MAX_READ) : typed;
        String nfkc = Normalizer.normalize(read, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(Math.min(nfkc.length(), MAX_LENGTH));
        boolean space = false;
        for (int i = 0; i < nfkc.length() && out.length() < MAX_LENGTH; i++) {
            char c = nfkc.charAt(i);
            if (lone(nfkc, i)) {
                continue; // half a character: nothing a database could store
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                if (out.length() >= MAX_LENGTH - 1) {
                    break;
                }
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        if (!out.isEmpty() && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
            out.setLength(out.length() - 1); // its pair was past the end
        }
        return out.toString();
    }

    /** Whether the (normalised) text looks like an e-mail address or a telephone, postal or other personal number. */
    static boolean looksPersonal(String text) {
        if (text.indexOf('@') >= 0) {
            return true;
        }
        int digits = 0;
        int gap = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                digits = gap > MAX_GAP ? 1 : digits + 1;
                gap = 0;
                if (digits >= MAX_DIGITS) {
                    return true;
                }
            } else if (digits > 0 && SEPARATORS.indexOf(c) >= 0) {
                gap++;
            } else {
                digits = 0;
                gap = 0;
            }
        }
        return false;
    }

    /** A surrogate without its other half. */
    private static boolean lone(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }

    /** The first {@code length} characters, one less if that would split a surrogate pair. */
    private static String cut(String s, int length) {
        if (s.length() <= length) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(length - 1)) ? length - 1 : length;
        return s.substring(0, end);
    }
}
