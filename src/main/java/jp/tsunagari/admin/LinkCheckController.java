package jp.tsunagari.admin;

import java.util.Locale;
import jp.tsunagari.linkcheck.BrokenLinks;
import jp.tsunagari.linkcheck.LinkCheckJob;
import jp.tsunagari.system.PageLinks;
import jp.tsunagari.system.StaffScope;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/links}: the broken links the signed-in person may see (the office all, an organization editor its
 * own programs'), with the state of the link check; the office may ask for a pass now
 * ({@code POST /admin/links/check}, office-only by URL in staff.SecurityConfig).
 */
@Controller
class LinkCheckController {

    private final BrokenLinks brokenLinks;
    private final LinkCheckJob job;
    private final MessageSource messages;

    LinkCheckController(BrokenLinks brokenLinks, LinkCheckJob job, MessageSource messages) {
        this.brokenLinks = brokenLinks;
        this.job = job;
        this.messages = messages;
    }

    @GetMapping("/admin/links")
    String links(@RequestParam(defaultValue = "1") String page, Model model, Authentication user) {
        int pageNumber = page.matches("\\d{1,5}") ? Math.max(1, Integer.parseInt(page)) : 1;
        model.addAttribute("results", brokenLinks.page(StaffScope.of(user), pageNumber));
        model.addAttribute("pageLinks", PageLinks.of("/admin/links"));
        model.addAttribute("job", job.status());
        return "admin/links";
    }

    @PostMapping("/admin/links/check")
    String checkNow(RedirectAttributes redirect, Locale locale) {
        String key = job.requestRun() ? "admin.links.requested" : "admin.links.disabled";
        redirect.addFlashAttribute("message", messages.getMessage(key, null, locale));
        return "redirect:/admin/links";
    }
}
