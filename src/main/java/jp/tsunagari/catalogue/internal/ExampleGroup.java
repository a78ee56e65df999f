package jp.tsunagari.catalogue.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jp.tsunagari.place.Prefecture;

/**
 * An example of a type of initiative (ネオ県人会: 在京青森わけもの会 …), tied to its prefecture so that the program
 * is found when filtering by that prefecture.
 */
@Entity
@Table(name = "example_group")
public class ExampleGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id")
    private Program program;

    private int position;

    private String name;

    private String description;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "prefecture_code")
    private Prefecture prefecture;

    protected ExampleGroup() {
    }

    ExampleGroup(Program program, int position, String name, String description, Prefecture prefecture) {
        this.program = program;
        this.position = position;
        this.name = name;
        this.description = description;
        this.prefecture = prefecture;
    }

    public int position() {
        return position;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Prefecture prefecture() {
        return prefecture;
    }
}
