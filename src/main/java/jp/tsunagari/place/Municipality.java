package jp.tsunagari.place;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jp.tsunagari.system.Localized;

/**
 * A municipality (市・町・村・特別区) or a designated-city ward, keyed by its 6-digit 全国地方公共団体コード.
 * The official count of 1,741 excludes wards and the six Northern-Territories villages: see {@link #countsAsMunicipality()}.
 */
@Entity
@Table(name = "municipality")
public class Municipality implements Localized {

    /** 政令指定都市の区: the type value the source list uses for designated-city wards. */
    public static final String WARD_TYPE = "政令指定都市の区";

    @Id
    @Column(name = "lg_code")
    private String lgCode;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "prefecture_code")
    private Prefecture prefecture;

    @Column(name = "prefecture_code", insertable = false, updatable = false)
    private String prefectureCode;

    @Column(name = "name_ja")
    private String nameJa;

    @Column(name = "name_kana")
    private String nameKana;

    @Column(name = "name_en")
    private String nameEn;

    private String type;

    @Column(name = "designated_city")
    private boolean designatedCity;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_lg_code")
    private Municipality parent;

    @Column(name = "northern_territories")
    private boolean northernTerritories;

    protected Municipality() {
    }

    public String lgCode() {
        return lgCode;
    }

    public Prefecture prefecture() {
        return prefecture;
    }

    public String prefectureCode() {
        return prefectureCode;
    }

    @Override
    public String nameJa() {
        return nameJa;
    }

    public String nameKana() {
        return nameKana;
    }

    @Override
    public String nameEn() {
        return nameEn;
    }

    public String type() {
        return type;
    }

    public boolean designatedCity() {
        return designatedCity;
    }

    public Municipality parent() {
        return parent;
    }

    public boolean northernTerritories() {
        return northernTerritories;
    }

    void rename(String ja, String kana, String en) {
        this.nameJa = ja;
        this.nameKana = kana;
        this.nameEn = en;
    }

    /** True for the rows that make up the official 1,741 (not a ward, not a Northern-Territories village). */
    public boolean countsAsMunicipality() {
        return !WARD_TYPE.equals(type) && !northernTerritories;
    }
}
