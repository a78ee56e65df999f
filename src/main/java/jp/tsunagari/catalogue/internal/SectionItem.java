package jp.tsunagari.catalogue.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.tsunagari.catalogue.ItemKind;

/** One line of a section: level 0 is a top-level item, level 1 is nested under the level-0 item before it. */
@Entity
@Table(name = "section_item")
public class SectionItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int position;

    private int level;

    @Enumerated(EnumType.STRING)
    private ItemKind kind;

    private String text;

    protected SectionItem() {
    }

    SectionItem(int position, int level, ItemKind kind, String text) {
        this.position = position;
        this.level = level;
        this.kind = kind;
        this.text = text;
    }

    public int position() {
        return position;
    }

    public int level() {
        return level;
    }

    public ItemKind kind() {
        return kind;
    }

    public String text() {
        return text;
    }
}
