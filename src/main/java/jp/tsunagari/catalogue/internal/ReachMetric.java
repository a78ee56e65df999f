package jp.tsunagari.catalogue.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Locale;
import jp.tsunagari.catalogue.ProgramContent;

/** A reach figure with the date it holds for, e.g. LINE友だち数 5,390名 (2025-03-04). */
@Entity
@Table(name = "reach_metric")
public class ReachMetric {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id")
    private Program program;

    private int position;

    @Column(name = "label_ja")
    private String labelJa;

    @Column(name = "label_en")
    private String labelEn;

    @Column(name = "metric_value")
    private long value;

    @Column(name = "unit_ja")
    private String unitJa;

    @Column(name = "as_of")
    private LocalDate asOf;

    protected ReachMetric() {
    }

    ReachMetric(Program program, int position, ProgramContent.Metric m) {
        this.program = program;
        this.position = position;
        this.labelJa = m.labelJa();
        this.labelEn = m.labelEn();
        this.value = m.value();
        this.unitJa = m.unitJa();
        this.asOf = m.asOf();
    }

    public String labelEn() {
        return labelEn;
    }

    public int position() {
        return position;
    }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelJa;
    }

    public String labelJa() {
        return labelJa;
    }

    public long value() {
        return value;
    }

    public String unitJa() {
        return unitJa;
    }

    public LocalDate asOf() {
        return asOf;
    }
}
