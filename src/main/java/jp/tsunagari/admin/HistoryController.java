package jp.tsunagari.admin;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import jp.tsunagari.catalogue.ContentDiff;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.ProgramReview;
import jp.tsunagari.catalogue.ProgramRevision;
import jp.tsunagari.system.NotFoundException;
import jp.tsunagari.system.StaffScope;
import org.springframework.context.MessageSource;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A program's history: every revision, a field-by-field comparison of any two, and restoring one. */
@Controller
class HistoryController {

    private final ProgramEditor editor;
    private final ContentDiff diff;
    private final MessageSource messages;

    private final ProgramAccess access;
    private final ProgramReview review;

    HistoryController(ProgramEditor editor, ContentDiff diff, MessageSource messages, ProgramAccess access,
                      ProgramReview review) {
        this.access = access;
        this.review = review;
        this.editor = editor;
        this.diff = diff;
        this.messages = messages;
    }

    @GetMapping("/admin/programs/{id}/history")
    String history(@PathVariable long id, Model model, Authentication user) {
        List<ProgramRevision> revisions = editor.history(id);
        var current = editor.editable(id);
        if (revisions.isEmpty() && current.isEmpty() || !StaffScope.of(user).office() && current.isEmpty()) {
            throw new NotFoundException("program " + id); // a deleted program's history is the office's
        }
        if (current.isPresent()) {
            access.check(id, user);
        }
        model.addAttribute("id", id);
        model.addAttribute("revisions", revisions);
        model.addAttribute("comments", review.comments(id));
        model.addAttribute("current", current.orElse(null));
        return "admin/history";
    }

    @GetMapping("/admin/programs/{id}/history/diff")
    String compare(@PathVariable long id, @RequestParam(defaultValue = "") String from,
                   @RequestParam(defaultValue = "") String to, Model model, Authentication user) {
        if (!StaffScope.of(user).office()) {
            access.check(id, user);
        }
        ProgramContent before = revision(id, from);
        ProgramContent after = revision(id, to);
        model.addAttribute("id", id);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("changes", diff.between(before, after));
        model.addAttribute("current", editor.editable(id).orElse(null));
        return "admin/diff";
    }

    @PostMapping("/admin/programs/{id}/history/{revision}/restore")
    String restore(@PathVariable long id, @PathVariable int revision, @RequestParam(defaultValue = "") String version,
                   Principal user, RedirectAttributes redirect, Locale locale) {
        long v = version.matches("\\d{1,18}") ? Long.parseLong(version) : -1;
        String key = "admin.history.restored";
        try {
            editor.restore(id, revision, v, user.getName());
        } catch (ProgramEditor.Conflict | ObjectOptimisticLockingFailureException changed) {
            key = "admin.error.changedMeanwhile";
        }
        redirect.addFlashAttribute("message", messages.getMessage(key, new Object[] {revision}, locale));
        return "redirect:/admin/programs/" + id + "/edit";
    }

    private ProgramContent revision(long id, String number) {
        if (!number.matches("\\d{1,9}")) {
            throw new NotFoundException("revision " + number);
        }
        return editor.revision(id, Integer.parseInt(number)).orElseThrow(() -> new NotFoundException("revision " + number));
    }
}
