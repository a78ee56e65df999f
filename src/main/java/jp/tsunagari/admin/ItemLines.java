package jp.tsunagari.admin;

import java.util.ArrayList;
import java.util.List;
import jp.tsunagari.catalogue.ItemKind;
import jp.tsunagari.catalogue.ProgramContent;

/**
 * The items of a 目的・内容 section as staff edit them: one item per line. A line starting with 「✓」 is a nested
 * check item, a line starting with a full-width space 「　」 (or two spaces) a nested bullet, a line starting with
 * 「※」 a note; any other line a bullet. Formatting then parsing gives the same items back.
 */
final class ItemLines {

    static final String CHECK = "✓";
    static final String NESTED = "　";

    String format(List<ProgramContent.Item> items) {
        StringBuilder text = new StringBuilder();
        for (ProgramContent.Item item : items) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            if (item.kind() == ItemKind.CHECK) {
                text.append(CHECK).append(' ');
            } else if (item.level() > 0) {
                text.append(NESTED);
            }
            text.append(item.text());
        }
        return text.toString();
    }

    List<ProgramContent.Item> parse(String text) {
        List<ProgramContent.Item> items = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.stripTrailing();
            if (line.isBlank()) {
                continue;
            }
            if (line.strip().startsWith(CHECK)) {
                items.add(new ProgramContent.Item(1, ItemKind.CHECK, line.strip().substring(CHECK.length()).strip()));
            } else if (line.startsWith(NESTED) || line.startsWith("  ")) {
                items.add(new ProgramContent.Item(1, ItemKind.BULLET, line.strip()));
            } else if (line.startsWith("※")) {
                items.add(new ProgramContent.Item(0, ItemKind.NOTE, line.strip()));
            } else {
                items.add(new ProgramContent.Item(0, ItemKind.BULLET, line.strip()));
            }
        }
        return items;
    }
}
