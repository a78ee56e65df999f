package jp.tsunagari.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a horizontal bar chart in an SVG view box {@value #WIDTH} wide: one row per item, its label on a
 * line above its bars, one bar per series (grouped) or one bar of segments (stacked), each bar's length proportional
 * to its value on a scale shared by every row (the largest row fills the plot). Each bar or segment carries its
 * value as text: after the bar, or inside a segment when it fits, so no value is told by colour alone.
 */
public record BarChart(List<Row> rows, long max, int height) {

    static final int WIDTH = 420;
    /** Room after the longest bar for its value label. */
    static final int VALUE_ROOM = 100;
    static final int PLOT = WIDTH - VALUE_ROOM;
    static final int LABEL_LINE = 20;
    static final int BAR = 18;
    static final int GAP = 4;
    static final int ROW_GAP = 10;
    /** Width of one character of a label set at 13 px (wide characters counted as one, Latin as about half). */
    static final double CHAR = 13;

    /** One bar or segment: where it is, its series (0-based, for its fill), its value and where its text goes. */
    public record Bar(int series, long value, double x, double y, double width, String text, double textX, boolean inside) {
    }

    /** One item: its label's baseline and its bars. */
    public record Row(String label, double labelY, List<Bar> bars) {
    }

    /** An item to draw: its label, its value per series, and the text of each value (e.g. 「東北 3」 or 「5,390名」). */
    public record Item(String label, List<Long> values, List<String> texts) {
    }

    /** One bar per series and item, side by side under the item's label. */
    static BarChart grouped(List<Item> items) {
        long max = items.stream().flatMap(i -> i.values().stream()).mapToLong(Long::longValue).max().orElse(0);
        List<Row> rows = new ArrayList<>();
        double y = 0;
        for (Item item : items) {
            double labelY = y + LABEL_LINE - 5;
            y += LABEL_LINE;
            List<Bar> bars = new ArrayList<>();
            for (int s = 0; s < item.values().size(); s++) {
                long v = item.values().get(s);
                double w = length(v, max);
                bars.add(new Bar(s, v, 0, y, w, item.texts().get(s), w + 6, false));
                y += BAR + GAP;
            }
            rows.add(new Row(item.label(), labelY, bars));
            y += ROW_GAP;
        }
        return new BarChart(rows, max, (int) Math.ceil(y));
    }

    /**
     * One bar per item made of its series' segments in order; a segment's text is inside it when it fits, else left
     * out of the bar (the data table has every value) and the row's total follows the bar.
     */
    static BarChart stacked(List<Item> items, List<String> totals) {
        long max = items.stream().mapToLong(i -> i.values().stream().mapToLong(Long::longValue).sum()).max()
                .orElse(0);
        List<Row> rows = new ArrayList<>();
        double y = 0;
        for (int r = 0; r < items.size(); r++) {
            Item item = items.get(r);
            double labelY = y + LABEL_LINE - 5;
            y += LABEL_LINE;
            List<Bar> bars = new ArrayList<>();
            double x = 0;
            for (int s = 0; s < item.values().size(); s++) {
                long v = item.values().get(s);
                if (v == 0) {
                    continue;
                }
                double w = length(v, max);
                boolean fits = textWidth(item.texts().get(s)) + 8 <= w;
                bars.add(new Bar(s, v, round(x), y, w, fits ? item.texts().get(s) : "", round(x + 4), fits));
                x += w;
            }
            bars.add(new Bar(-1, 0, round(x), y, 0, totals.get(r), round(x + 6), false));
            rows.add(new Row(item.label(), labelY, bars));
            y += BAR + GAP + ROW_GAP;
        }
        return new BarChart(rows, max, (int) Math.ceil(y));
    }

    /** The length of a bar of {@code value} when {@code max} fills the plot (0 for an empty chart). */
    static double length(long value, long max) {
        return max <= 0 ? 0 : round((double) PLOT * value / max);
    }

    /** How wide a text is drawn at 13 px, roughly: full-width characters one unit, others about 0.6. */
    static double textWidth(String text) {
        return text.codePoints().mapToDouble(c -> c > 0x2FFF ? CHAR : CHAR * 0.6).sum();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** The view box: the chart's width and height. */
    public String viewBox() {
        return "0 0 " + WIDTH + " " + Math.max(height, 1);
    }
}
