package jp.tsunagari.staff;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Objects;
import jp.tsunagari.system.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /invitations/{token}}: the page a one-time link opens, where a person sets their password (new account or
 * reset). No sign-in needed; a malformed, unknown, used or expired link gets one clear page (410) and nothing else.
 */
@Controller
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    /** The password, twice (never sent back to the page). */
    record PasswordForm(@StaffPassword String password, String passwordConfirm) {
    }

    @GetMapping("/invitations/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        return invitations.open(token).map(open -> page(model, token, open, new FormErrors()))
                .orElseGet(() -> gone(response));
    }

    @PostMapping("/invitations/{token}")
    String use(@PathVariable String token, @Valid @ModelAttribute("form") PasswordForm form, BindingResult checked,
               Model model, HttpServletResponse response) {
        Invitations.Open open = invitations.open(token).orElse(null);
        if (open == null) {
            return gone(response);
        }
        FormErrors errors = FormErrors.of(checked);
        if (!errors.has("password") && !Objects.equals(form.password(), form.passwordConfirm())) {
            errors.add("passwordConfirm", "staff.error.password.mismatch");
        }
        if (errors.isEmpty()) {
            try {
                invitations.use(token, form.password());
                return "redirect:/login?passwordSet";
            } catch (StaffDirectory.Refused refused) {
                if ("token".equals(refused.field())) {
                    return gone(response);
                }
                errors.add(refused.field(), refused.messageKey());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, token, open, errors);
    }

    private static String page(Model model, String token, Invitations.Open open, FormErrors errors) {
        model.addAttribute("invitation", open);
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        return "staff/invitation";
    }

    private static String gone(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_GONE);
        return "staff/invitation-gone";
    }
}
