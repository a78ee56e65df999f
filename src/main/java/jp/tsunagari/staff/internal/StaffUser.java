package jp.tsunagari.staff.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import jp.tsunagari.staff.StaffRole;

/** A staff account: only the password hash (BCrypt, via Spring Security's delegating encoder) is stored. */
@Entity
@Table(name = "staff_user")
public class StaffUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private StaffRole role;

    private boolean enabled;

    @Column(name = "organization_code")
    private String organizationCode;

    private String email;

    @Version
    private long version;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected StaffUser() {
    }

    public StaffUser(String username, String displayName, String passwordHash, StaffRole role, String organizationCode,
                     Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.organizationCode = organizationCode;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public StaffRole role() {
        return role;
    }

    /** {@code office} for the catalogue office, else a government's 6-digit code (ORG_EDITOR only). */
    public String organizationCode() {
        return organizationCode;
    }

    public String email() {
        return email;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public void changePassword(String hash, Instant now) {
        this.passwordHash = hash;
        this.updatedAt = now;
    }

    public void changeEmail(String address, Instant now) {
        this.email = address;
        this.updatedAt = now;
    }

    public void changeRole(StaffRole newRole, String newOrganizationCode, Instant now) {
        this.role = newRole;
        this.organizationCode = newOrganizationCode;
        this.updatedAt = now;
    }

    public void setEnabled(boolean value, Instant now) {
        this.enabled = value;
        this.updatedAt = now;
    }
}
