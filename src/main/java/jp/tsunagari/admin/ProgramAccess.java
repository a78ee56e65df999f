package jp.tsunagari.admin;

import java.util.Set;
import jp.tsunagari.catalogue.Maintainers;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.PublicationStatus;
import jp.tsunagari.system.NotFoundException;
import jp.tsunagari.system.StaffScope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which programs the signed-in person may touch. The office may touch all; an organization editor only the programs
 * its organization maintains ({@link Maintainers}) — any other program is "not found" (404), so ids reveal
 * nothing — and may keep only content its organization still maintains. What only the office may do at all is
 * refused by URL (staff.SecurityConfig); the rest is refused here (403).
 */
@Component
class ProgramAccess {

    private final ProgramEditor editor;
    private final Maintainers maintainers;

    ProgramAccess(ProgramEditor editor, Maintainers maintainers) {
        this.editor = editor;
        this.maintainers = maintainers;
    }

    /** The program as staff edit it, if it exists and this person may touch it; else 404. */
    ProgramEditor.Editable editable(long id, Authentication who) {
        StaffScope scope = StaffScope.of(who);
        return editor.editable(id).filter(e -> scope.office() || scope.mayEdit(maintainersOf(e)))
                .orElseThrow(() -> new NotFoundException("program " + id));
    }

    /** Who maintains the saved program: its content as loaded, unless a pending draft stands in for it. */
    private Set<String> maintainersOf(ProgramEditor.Editable e) {
        return e.hasPendingDraft() ? maintainers.ofProgram(e.id()) : maintainers.of(e.content());
    }

    /** Checks that the person may touch program {@code id} (404 if not). */
    void check(long id, Authentication who) {
        editable(id, who);
    }

    /** Whether this person may save {@code content}: the office always; an organization only content it maintains. */
    boolean mayKeep(ProgramContent content, Authentication who) {
        StaffScope scope = StaffScope.of(who);
        return scope.office() || scope.mayEdit(maintainers.of(content));
    }

    /** Publishing (a program, or with a save) is the office's: refused (403) for anyone else. */
    void checkMayPublish(Authentication who) {
        if (!StaffScope.of(who).office()) {
            throw new AccessDeniedException("only the catalogue office publishes");
        }
    }

    /** An organization editor may delete only a program that is not published; the office any. */
    void checkMayDelete(ProgramEditor.Editable program, Authentication who) {
        if (!StaffScope.of(who).office() && program.status() == PublicationStatus.PUBLISHED) {
            throw new AccessDeniedException("only the catalogue office deletes a published program");
        }
    }
}
