package jp.tsunagari.place;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.tsunagari.system.Localized;

/** One of the 8 regions of 八地方区分 (北海道 … 九州・沖縄); its code ({@code tohoku}) is the {@code region} filter value. */
@Entity
@Table(name = "region")
public class Region implements Localized {

    @Id
    private String code;

    @Column(name = "name_ja")
    private String nameJa;

    @Column(name = "name_en")
    private String nameEn;

    @Column(name = "sort_order")
    private int sortOrder;

    protected Region() {
    }

    public String code() {
        return code;
    }

    @Override
    public String nameJa() {
        return nameJa;
    }

    @Override
    public String nameEn() {
        return nameEn;
    }

    public int sortOrder() {
        return sortOrder;
    }
}
