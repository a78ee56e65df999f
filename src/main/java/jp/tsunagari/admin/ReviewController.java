package jp.tsunagari.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import jp.tsunagari.catalogue.ContentDiff;
import jp.tsunagari.catalogue.Maintainers;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.ProgramReview;
import jp.tsunagari.catalogue.PublicationStatus;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.FormErrors;
import jp.tsunagari.system.Localized;
import jp.tsunagari.system.NotFoundException;
import jp.tsunagari.system.PageLinks;
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

/**
 * Review: an organization submits its program ({@code /admin/programs/{id}/submit}); the office works through the
 * queue ({@code /admin/reviews}, oldest first) and, on a program's review page, reads what would change against the
 * published version and approves it or returns it with a comment. The office-only URLs are in staff.SecurityConfig.
 */
@Controller
class ReviewController {

    private final ProgramReview review;
    private final ProgramEditor editor;
    private final ProgramAccess access;
    private final ContentDiff diff;
    private final Maintainers maintainers;
    private final Places places;
    private final MessageSource messages;

    ReviewController(ProgramReview review, ProgramEditor editor, ProgramAccess access, ContentDiff diff,
                     Maintainers maintainers, Places places, MessageSource messages) {
        this.review = review;
        this.editor = editor;
        this.access = access;
        this.diff = diff;
        this.maintainers = maintainers;
        this.places = places;
        this.messages = messages;
    }

    @PostMapping("/admin/programs/{id}/submit")
    String submit(@PathVariable long id, @RequestParam(defaultValue = "") String comment, Authentication user,
                  RedirectAttributes redirect, Locale locale) {
        access.check(id, user);
        StaffScope scope = StaffScope.of(user);
        String key = "admin.review.submitted";
        try {
            review.submit(id, scope.organizationCode(), user.getName(), comment);
        } catch (ProgramReview.Refused refused) {
            key = refused.messageKey();
            redirect.addFlashAttribute("submitComment", comment);
        }
        redirect.addFlashAttribute("message", messages.getMessage(key, new Object[] {ProgramReview.MAX_COMMENT}, locale));
        return "redirect:/admin/programs/" + id + "/edit";
    }

    @GetMapping("/admin/reviews")
    String queue(@RequestParam(defaultValue = "SUBMITTED") String state, @RequestParam(defaultValue = "") String organization,
                 @RequestParam(defaultValue = "") String pref, @RequestParam(defaultValue = "1") String page, Model model) {
        ProgramReview.State s = "RETURNED".equals(state) ? ProgramReview.State.RETURNED : ProgramReview.State.SUBMITTED;
        String org = organization.strip().matches("\\d{6}") ? organization.strip() : null;
        String prefecture = places.prefecture(pref).isPresent() ? pref : null;
        int number = page.matches("\\d{1,5}") ? Math.max(1, Integer.parseInt(page)) : 1;
        var results = review.queue(s, org, prefecture, number);
        model.addAttribute("results", results);
        Map<String, Localized> names = new HashMap<>();
        results.items().forEach(r -> maintainers.name(r.organizationCode()).ifPresent(n -> names.put(r.organizationCode(), n)));
        model.addAttribute("organizationNames", names);
        model.addAttribute("state", s.name());
        model.addAttribute("organization", organization.length() > 20 ? "" : organization);
        model.addAttribute("pref", prefecture == null ? "" : prefecture);
        model.addAttribute("pageLinks", PageLinks.of("/admin/reviews", "state", s.name(), "organization",
                organization.length() > 20 ? "" : organization, "pref", prefecture));
        model.addAttribute("prefectures", places.prefectures());
        model.addAttribute("counts", review.counts(null));
        return "admin/reviews";
    }

    @GetMapping("/admin/reviews/{id}")
    String show(@PathVariable long id, Model model) {
        return page(id, model, new FormErrors(), "");
    }

    @PostMapping("/admin/reviews/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(defaultValue = "") String version,
                   @RequestParam(defaultValue = "") String comment, Authentication user, Model model,
                   HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        long v = version.matches("\\d{1,18}") ? Long.parseLong(version) : -1;
        try {
            review.approve(id, v, user.getName(), comment);
        } catch (ProgramReview.Refused refused) {
            return refused(id, refused, comment, model, response, redirect, locale);
        } catch (ProgramEditor.Conflict | ObjectOptimisticLockingFailureException changed) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(id, model, new FormErrors().add("comment", "admin.error.changedMeanwhile"), comment);
        }
        redirect.addFlashAttribute("message", messages.getMessage("admin.review.approved", null, locale));
        return "redirect:/admin/reviews";
    }

    @PostMapping("/admin/reviews/{id}/return")
    String returnToDraft(@PathVariable long id, @RequestParam(defaultValue = "") String comment, Authentication user,
                         Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        try {
            review.returnToDraft(id, user.getName(), comment);
        } catch (ProgramReview.Refused refused) {
            return refused(id, refused, comment, model, response, redirect, locale);
        }
        redirect.addFlashAttribute("message", messages.getMessage("admin.review.returned", null, locale));
        return "redirect:/admin/reviews";
    }

    /**
     * A comment the rules refuse comes back on the page with the error and the typed text (400); a program that is no
     * longer waiting (someone else decided, or it was withdrawn) has no form to come back to: the page says so.
     */
    private String refused(long id, ProgramReview.Refused refused, String comment, Model model,
                           HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        if ("admin.review.error.notWaiting".equals(refused.messageKey())) {
            redirect.addFlashAttribute("message", messages.getMessage(refused.messageKey(), null, locale));
            return "redirect:/admin/reviews/" + id;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(id, model, new FormErrors().add("comment", refused.messageKey(), ProgramReview.MAX_COMMENT),
                comment);
    }

    private String page(long id, Model model, FormErrors errors, String comment) {
        ProgramEditor.Editable program = editor.editable(id).orElseThrow(() -> new NotFoundException("program " + id));
        var published = program.status() == PublicationStatus.PUBLISHED ? editor.saved(id).orElse(null) : null;
        var status = review.status(id);
        model.addAttribute("program", program);
        model.addAttribute("status", status.orElse(null));
        model.addAttribute("comments", review.comments(id));
        model.addAttribute("changes", diff.between(published, program.content()));
        model.addAttribute("organizationName", status.flatMap(s -> maintainers.name(s.organizationCode())).orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("comment", comment);
        return "admin/review";
    }
}
