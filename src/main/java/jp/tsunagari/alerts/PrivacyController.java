package jp.tsunagari.alerts;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /privacy} (個人情報の取扱い, linked from every page's footer and from the subscribe form): what the site keeps
 * about people, why, for how long, who sees it, and how to have it deleted — the e-mail alerts, staff accounts and
 * sessions, the sign-in and subscribe throttles, the server logs. The text is in the messages ({@code privacy.*}).
 */
@Controller
class PrivacyController {

    static final List<String> SECTIONS = List.of("alerts", "purpose", "retention", "who", "deletion", "staff",
            "throttle", "none", "counts", "contact");

    @GetMapping("/privacy")
    String privacy(Model model) {
        model.addAttribute("sections", SECTIONS);
        return "alerts/privacy";
    }
}
