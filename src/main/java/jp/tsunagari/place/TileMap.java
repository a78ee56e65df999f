package jp.tsunagari.place;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The 47 prefectures on the 7×7 Tabular Maps board, each with a count and a shade (0 = none, 1–4 = quartiles of
 * the largest count), for a server-rendered SVG. Tiles with a count link to {@code href}; others do not.
 */
public record TileMap(List<Tile> tiles, long max) {

    public static final int CELL = 56;
    public static final int SIZE = 7 * CELL;

    /** The side of the square SVG view box. */
    public int viewSize() {
        return SIZE;
    }

    public record Tile(String code, String name, long count, int shade, String href, int x, int y) {

        public int textX() {
            return x + CELL / 2;
        }

        /** Long names (神奈川県, Kagoshima) are set smaller to fit the tile. */
        public boolean longName() {
            return name.length() > 3 && name.codePoints().anyMatch(c -> c > 0x2FFF) || name.length() > 6;
        }
    }

    public static TileMap of(List<Prefecture> prefectures, Map<String, Long> counts, Function<String, String> href,
                             Locale locale) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Tile> tiles = prefectures.stream().map(p -> {
            long count = counts.getOrDefault(p.code(), 0L);
            int shade = count == 0 ? 0 : (int) Math.min(4, Math.max(1, Math.ceil(4.0 * count / max)));
            return new Tile(p.code(), p.name(locale), count, shade,
                    count > 0 ? href.apply(p.code()) : null, p.tileCol() * CELL, p.tileRow() * CELL);
        }).toList();
        return new TileMap(tiles, max);
    }
}
