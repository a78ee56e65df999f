package jp.tsunagari.catalogue.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.List;
import jp.tsunagari.catalogue.ApplicationCost;
import jp.tsunagari.catalogue.ProgramContent;

/** A program's application and contact columns (V14); the required documents are a list in {@link Program}. */
@Embeddable
public class ApplicationInfo {

    @Column(name = "apply_method")
    private String method;

    @Column(name = "apply_url")
    private String applyUrl;

    @Column(name = "contact_department")
    private String contactDepartment;

    @Column(name = "contact_phone")
    private String contactPhone;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(name = "contact_url")
    private String contactUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "cost_kind")
    private ApplicationCost cost;

    @Column(name = "cost_amount")
    private Integer costAmount;

    @Column(name = "cost_text")
    private String costText;

    protected ApplicationInfo() {
    }

    static ApplicationInfo of(ProgramContent.Application a) {
        ApplicationInfo info = new ApplicationInfo();
        info.method = a.method();
        info.applyUrl = a.applyUrl();
        info.contactDepartment = a.contactDepartment();
        info.contactPhone = a.contactPhone();
        info.contactEmail = a.contactEmail();
        info.contactUrl = a.contactUrl();
        info.cost = a.cost();
        info.costAmount = a.costAmount();
        info.costText = a.costText();
        return info;
    }

    /** As a value, with the documents kept in the program's list. */
    public ProgramContent.Application value(List<String> documents) {
        return new ProgramContent.Application(method, applyUrl, contactDepartment, contactPhone, contactEmail,
                contactUrl, documents, cost, costAmount, costText);
    }
}
