package jp.tsunagari.eligibility;

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

/**
 * A target group of a program's 対象: groups are alternatives (any one suffices); the criteria of a group must all hold.
 * Owned by the program (the catalogue module); the group does not know its program, which keeps this module free of it.
 */
@Entity
@Table(name = "target_group")
public class TargetGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int position;

    private String label;

    @jakarta.persistence.Column(name = "valid_from")
    private java.time.LocalDate validFrom;

    @jakarta.persistence.Column(name = "valid_to")
    private java.time.LocalDate validTo;

    @OneToMany(fetch = FetchType.LAZY, cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "target_group_id", nullable = false)
    @OrderBy("position")
    private List<Criterion> criteria = new ArrayList<>();

    protected TargetGroup() {
    }

    /** A new group; criteria are numbered in the order given. */
    public TargetGroup(int position, String label, List<Criterion> criteria) {
        this(position, label, criteria, Validity.ALWAYS);
    }

    /** A new group whose rules apply only within {@code validity} (a rule change at a date). */
    public TargetGroup(int position, String label, List<Criterion> criteria, Validity validity) {
        this.position = position;
        this.label = label;
        this.validFrom = validity.from();
        this.validTo = validity.to();
        for (int i = 0; i < criteria.size(); i++) {
            this.criteria.add(criteria.get(i).at(i + 1));
        }
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public String label() {
        return label;
    }

    /** When this group's rules apply ({@link Validity#ALWAYS} unless staff gave dates). */
    public Validity validity() {
        return new Validity(validFrom, validTo);
    }

    public List<Criterion> criteria() {
        return criteria;
    }

    /** True if nothing in this group is a hard criterion: anyone who feels addressed may take part. */
    public boolean isOpenToAnyone() {
        return criteria.stream().noneMatch(Criterion::isHard);
    }
}
