package jp.tsunagari.place;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jp.tsunagari.system.Localized;

/** A prefecture: JIS X 0401 code {@code 01}..{@code 47}, its own 6-digit 全国地方公共団体コード, region and tile-map cell. */
@Entity
@Table(name = "prefecture")
public class Prefecture implements Localized {

    @Id
    private String code;

    @Column(name = "lg_code")
    private String lgCode;

    @Column(name = "name_ja")
    private String nameJa;

    @Column(name = "name_kana")
    private String nameKana;

    @Column(name = "name_en")
    private String nameEn;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "region_code")
    private Region region;

    @Column(name = "tile_col")
    private int tileCol;

    @Column(name = "tile_row")
    private int tileRow;

    protected Prefecture() {
    }

    public String code() {
        return code;
    }

    public String lgCode() {
        return lgCode;
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

    public Region region() {
        return region;
    }

    public int tileCol() {
        return tileCol;
    }

    public int tileRow() {
        return tileRow;
    }

    void rename(String ja, String kana, String en) {
        this.nameJa = ja;
        this.nameKana = kana;
        this.nameEn = en;
    }
}
