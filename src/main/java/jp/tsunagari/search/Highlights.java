package jp.tsunagari.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Marks where query words occur in a text, comparing normalised forms (so エール便 is marked for えーるびん's
 * normalised neighbour えーる便, ＬＩＮＥ for line), and returns plain segments: the template prints each with
 * th:text inside or outside a mark element, so stored text is always escaped.
 */
final class Highlights {

    record Segment(String text, boolean marked) {
    }

    private Highlights() {
    }

    static List<Segment> of(String text, List<String> words) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        StringBuilder normalized = new StringBuilder();
        List<Integer> origin = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            String n = TextNormalizer.normalize(text.substring(i, i + width));
            for (int k = 0; k < n.length(); k++) {
                origin.add(i);
            }
            normalized.append(n);
            i += width;
        }
        boolean[] mark = new boolean[text.length()];
        String hay = normalized.toString();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            for (int at = hay.indexOf(word); at >= 0; at = hay.indexOf(word, at + 1)) {
                int from = origin.get(at);
                int lastNormalized = at + word.length() - 1;
                int to = lastNormalized + 1 < origin.size() ? origin.get(lastNormalized + 1) : text.length();
                for (int c = from; c < Math.max(to, from + 1); c++) {
                    mark[c] = true;
                }
            }
        }
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || mark[i] != mark[start]) {
                segments.add(new Segment(text.substring(start, i), mark[start]));
                start = i;
            }
        }
        return segments;
    }
}
