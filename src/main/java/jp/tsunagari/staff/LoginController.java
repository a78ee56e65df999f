package jp.tsunagari.staff;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /login}: the sign-in form, with the username kept after a failed attempt. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String throttled,
                 @RequestParam(required = false) String signedOut, HttpSession session, Model model) {
        Object typed = session.getAttribute(SecurityConfig.TYPED_USERNAME);
        session.removeAttribute(SecurityConfig.TYPED_USERNAME);
        model.addAttribute("username", typed instanceof String s ? s : "");
        model.addAttribute("failed", error != null);
        model.addAttribute("throttled", throttled != null);
        model.addAttribute("signedOut", signedOut != null);
        return "staff/login";
    }
}
