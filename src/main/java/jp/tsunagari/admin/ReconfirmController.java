package jp.tsunagari.admin;

import java.time.LocalDate;
import java.util.Locale;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.Reconfirmations;
import jp.tsunagari.system.JapanTime;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 「変更なしで確認」 on a program's edit page: anyone who may edit the program (its organization's editors, the office)
 * records that the published content is still true; 最終確認日 becomes today, without a new version.
 */
@Controller
class ReconfirmController {

    private final ProgramAccess access;
    private final Reconfirmations reconfirmations;
    private final MessageSource messages;

    ReconfirmController(ProgramAccess access, Reconfirmations reconfirmations, MessageSource messages) {
        this.access = access;
        this.reconfirmations = reconfirmations;
        this.messages = messages;
    }

    @PostMapping("/admin/programs/{id}/confirm")
    String confirm(@PathVariable long id, @RequestParam(defaultValue = "") String version, Authentication user,
                   RedirectAttributes redirect, Locale locale) {
        access.check(id, user);
        long expected = version.matches("\\d{1,18}") ? Long.parseLong(version) : -1;
        String message;
        try {
            LocalDate day = reconfirmations.confirmUnchanged(id, expected, user.getName());
            message = messages.getMessage("admin.reconfirm.done", new Object[] {JapanTime.format(day, locale)}, locale);
        } catch (ProgramEditor.Conflict e) {
            message = messages.getMessage("admin.error.changedMeanwhile", null, locale);
        } catch (Reconfirmations.NotPublished e) {
            message = messages.getMessage("admin.reconfirm.notPublished", null, locale);
        }
        redirect.addFlashAttribute("message", message);
        return "redirect:/admin/programs/" + id + "/edit";
    }
}
