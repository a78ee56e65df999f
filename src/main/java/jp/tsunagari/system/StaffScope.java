package jp.tsunagari.system;

import java.util.Collection;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is signed in, and which programs they may touch: the catalogue office (roles EDITOR and ADMIN) may touch every
 * program; an organization editor (ORG_EDITOR) only those its organization maintains. Read from the sign-in's
 * authorities, which the staff module sets: the role, and {@code ORG_} with the organization's code.
 */
public record StaffScope(String username, boolean office, String organizationCode) {

    /** The catalogue office's organization code. */
    public static final String OFFICE = "office";
    /** The prefix of the authority that carries the organization's code. */
    public static final String ORGANIZATION_AUTHORITY = "ORG_";

    public static StaffScope of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return new StaffScope(null, false, null);
        }
        Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
        boolean office = authorities.stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_EDITOR") || a.equals("ROLE_ADMIN"));
        String organization = office ? OFFICE : authorities.stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(ORGANIZATION_AUTHORITY))
                .map(a -> a.substring(ORGANIZATION_AUTHORITY.length())).findFirst().orElse(null);
        return new StaffScope(authentication.getName(), office, organization);
    }

    /** Whether this person may see and edit a program maintained by {@code maintainers} (organization codes). */
    public boolean mayEdit(Collection<String> maintainers) {
        return office || organizationCode != null && maintainers.contains(organizationCode);
    }
}
