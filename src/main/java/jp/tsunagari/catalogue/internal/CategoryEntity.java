package jp.tsunagari.catalogue.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;
import jp.tsunagari.catalogue.Category;
import jp.tsunagari.system.Localized;

/** One of the source's 取組の種類 (1 SNS … 5 その他) with a stable code used in URLs ({@code /categories/gifts}). */
@Entity(name = "Category")
@Table(name = "category")
public class CategoryEntity implements Localized {

    @Id
    private String code;

    private int number;

    @Column(name = "name_ja")
    private String nameJa;

    @Column(name = "name_en")
    private String nameEn;

    @Column(name = "description_ja")
    private String descriptionJa;

    @Column(name = "description_en")
    private String descriptionEn;

    @Column(name = "data_note_ja")
    private String dataNoteJa;

    @Column(name = "data_note_en")
    private String dataNoteEn;

    protected CategoryEntity() {
    }

    public String code() {
        return code;
    }

    public int number() {
        return number;
    }

    @Override
    public String nameJa() {
        return nameJa;
    }

    @Override
    public String nameEn() {
        return nameEn;
    }

    public String descriptionJa() {
        return descriptionJa;
    }

    public String descriptionEn() {
        return descriptionEn;
    }

    public void update(String newNameJa, String newNameEn, String newDescriptionJa, String newDescriptionEn) {
        this.nameJa = newNameJa;
        this.nameEn = newNameEn;
        this.descriptionJa = newDescriptionJa;
        this.descriptionEn = newDescriptionEn;
    }

    /** This row as the value other modules and pages see. */
    public Category value() {
        return new Category(code, number, nameJa, nameEn, descriptionJa, descriptionEn, dataNoteJa, dataNoteEn);
    }

    public String description(Locale locale) {
        return "en".equals(locale.getLanguage()) && descriptionEn != null ? descriptionEn : descriptionJa;
    }

    public String dataNote(Locale locale) {
        return "en".equals(locale.getLanguage()) && dataNoteEn != null ? dataNoteEn : dataNoteJa;
    }
}
