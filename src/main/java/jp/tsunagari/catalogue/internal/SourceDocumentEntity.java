package jp.tsunagari.catalogue.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import jp.tsunagari.catalogue.SourceDocument;

/** A published document the catalogue's entries come from, e.g. 「地域とのつながり」に関する施策事例 (as of 2025-03-04). */
@Entity(name = "SourceDocument")
@Table(name = "source_document")
public class SourceDocumentEntity {

    @Id
    private Integer id;

    private String title;

    private String series;

    private String parts;

    @Column(name = "as_of")
    private LocalDate asOf;

    @Column(name = "as_of_text")
    private String asOfText;

    protected SourceDocumentEntity() {
    }

    public Integer id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String series() {
        return series;
    }

    public String parts() {
        return parts;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public String asOfText() {
        return asOfText;
    }

    /** This row as the value other modules and pages see. */
    public SourceDocument value() {
        return new SourceDocument(id, title, series, parts, asOf, asOfText);
    }
}
