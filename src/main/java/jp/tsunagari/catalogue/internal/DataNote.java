package jp.tsunagari.catalogue.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;

/** A note to readers where the source is evidently inconsistent; the source value itself is kept unchanged. */
@Embeddable
public class DataNote {

    @Column(name = "note_ja")
    private String noteJa;

    @Column(name = "note_en")
    private String noteEn;

    protected DataNote() {
    }

    DataNote(String noteJa, String noteEn) {
        this.noteJa = noteJa;
        this.noteEn = noteEn;
    }

    public String noteEn() {
        return noteEn;
    }

    public String text(Locale locale) {
        return "en".equals(locale.getLanguage()) && noteEn != null ? noteEn : noteJa;
    }

    public String noteJa() {
        return noteJa;
    }
}
