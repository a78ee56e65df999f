package jp.tsunagari.staff;

import jp.tsunagari.system.StaffScope;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in staff member (if any) into every page's model, for the layout's admin menu. */
@ControllerAdvice
class StaffModel {

    @ModelAttribute("staffName")
    String staffName(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && hasStaffRole(authentication)
                ? authentication.getName() : null;
    }

    /** Whether the signed-in person is of the catalogue office (may publish, review, edit categories and places). */
    @ModelAttribute("staffIsOffice")
    boolean staffIsOffice(Authentication authentication) {
        return StaffScope.of(authentication).office();
    }

    @ModelAttribute("staffIsAdmin")
    boolean staffIsAdmin(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch("ROLE_ADMIN"::equals);
    }

    /** The office (EDITOR, ADMIN) or an organization editor: whoever {@link StaffScope} gives an organization. */
    private static boolean hasStaffRole(Authentication authentication) {
        return StaffScope.of(authentication).organizationCode() != null
                || authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ORG_EDITOR".equals(a.getAuthority()));
    }
}
