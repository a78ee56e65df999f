package jp.tsunagari.catalogue.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A part of a program's 目的・内容 as the source structures it: an optional heading (【概要】) and ordered items. */
@Entity
@Table(name = "program_section")
public class ProgramSection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int position;

    private String heading;

    @OneToMany(fetch = FetchType.LAZY, cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "section_id", nullable = false)
    @OrderBy("position")
    private List<SectionItem> items = new ArrayList<>();

    protected ProgramSection() {
    }

    ProgramSection(int position, String heading, List<SectionItem> items) {
        this.position = position;
        this.heading = heading;
        this.items.addAll(items);
    }

    public int position() {
        return position;
    }

    public String heading() {
        return heading;
    }

    public List<SectionItem> items() {
        return items;
    }

    /** The items as a two-level tree: each top-level item with the nested items that follow it. */
    public List<ItemNode> tree() {
        List<ItemNode> roots = new ArrayList<>();
        for (SectionItem item : items) {
            if (item.level() > 0 && !roots.isEmpty()) {
                roots.get(roots.size() - 1).children().add(item);
            } else {
                roots.add(new ItemNode(item, new ArrayList<>()));
            }
        }
        return roots;
    }

    /** A top-level item and its nested items. */
    public record ItemNode(SectionItem item, List<SectionItem> children) {
    }
}
