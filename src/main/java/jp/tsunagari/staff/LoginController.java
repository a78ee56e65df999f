package jp.tsunagari.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /login}: the sign-in form, with the username kept after a failed attempt. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(HttpServletRequest request, HttpSession session, Model model) {
        var params = request.getParameterMap();
        Object typed = session.getAttribute(SecurityConfig.TYPED_USERNAME);
        session.removeAttribute(SecurityConfig.TYPED_USERNAME);
        model.addAttribute("username", typed instanceof String s ? s : "");
        model.addAttribute("failed", params.containsKey("error"));
        model.addAttribute("throttled", params.containsKey("throttled"));
        model.addAttribute("signedOut", params.containsKey("signedOut"));
        model.addAttribute("passwordSet", params.containsKey("passwordSet"));
        return "staff/login";
    }
}
