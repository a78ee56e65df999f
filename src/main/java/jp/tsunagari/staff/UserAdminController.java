package jp.tsunagari.staff;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import jp.tsunagari.staff.internal.StaffUser;
import jp.tsunagari.system.Choice;
import jp.tsunagari.system.FormErrors;
import jp.tsunagari.system.MailServer;
import jp.tsunagari.system.NotFoundException;
import jp.tsunagari.system.PageLinks;
import jp.tsunagari.system.ResultPage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/users}: staff accounts, for administrators only (see SecurityConfig). */
@Controller
class UserAdminController {

    private final StaffDirectory directory;
    private final Invitations invitations;
    private final MessageSource messages;
    private final boolean mailConfigured;

    UserAdminController(StaffDirectory directory, Invitations invitations, MessageSource messages,
                        MailServer mail) {
        this.directory = directory;
        this.invitations = invitations;
        this.messages = messages;
        this.mailConfigured = mail.configured();
    }

    static final String USERNAME = "\\p{javaWhitespace}*" + StaffDirectory.USERNAME_PATTERN + "\\p{javaWhitespace}*";

    /** The invitation form as typed; the directory checks the same rules. The person sets their own password. */
    record NewUserForm(
            @NotNull(message = "{staff.error.username.format}")
            @Pattern(regexp = USERNAME, message = "{staff.error.username.format}") String username,
            @NotBlank(message = "{staff.error.displayName}")
            @Size(max = 100, message = "{staff.error.displayName}") String displayName,
            @NotNull(message = "{staff.error.email}")
            @Pattern(regexp = "\\p{javaWhitespace}*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\p{javaWhitespace}*", message = "{staff.error.email}")
            @Size(max = 254, message = "{staff.error.email}") String email,
            @Choice(value = StaffRole.class, required = true, exactCase = true, message = "{staff.error.role}")
            String role,
            @Size(max = 100, message = "{staff.error.organization}") String organization) {
        static NewUserForm empty() {
            return new NewUserForm("", "", "", StaffRole.ORG_EDITOR.name(), "");
        }
    }

    /** The role form: one of the roles, by its exact name, and the organization for ORG_EDITOR. */
    record RoleForm(@Choice(value = StaffRole.class, required = true, exactCase = true, message = "{staff.error.role}")
                    String role,
                    @Size(max = 100, message = "{staff.error.organization}") String organization) {
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(defaultValue = "1") String page, Model model) {
        model.addAttribute("page", page.matches("\\d{1,6}") ? Math.max(1, Integer.parseInt(page)) : 1);
        return listPage(model, NewUserForm.empty(), new FormErrors());
    }

    @PostMapping("/admin/users")
    String create(@Valid @ModelAttribute("form") NewUserForm form, BindingResult checked, Model model,
                  HttpServletResponse response, RedirectAttributes redirect, Locale locale, Principal principal) {
        FormErrors errors = FormErrors.of(checked);
        if (errors.isEmpty()) {
            try {
                Invitations.Issued issued = invitations.invite(form.username(), form.displayName(), form.email(),
                        StaffRole.valueOf(form.role()), form.organization(), principal.getName());
                announce(issued, redirect, locale);
                return "redirect:/admin/users/" + issued.userId();
            } catch (StaffDirectory.Refused refused) {
                errors.add(refused.field(), refused.messageKey());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return listPage(model, form, errors);
    }

    @GetMapping("/admin/users/{id}")
    String user(@PathVariable long id, Model model) {
        return userPage(id, model, new FormErrors());
    }

    @PostMapping("/admin/users/{id}/role")
    String role(@PathVariable long id, @Valid @ModelAttribute RoleForm form, BindingResult checked, Model model,
                HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        model.addAttribute("organization", form.organization());
        if (checked.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return userPage(id, model, FormErrors.of(checked));
        }
        return apply(id, () -> directory.changeRole(id, StaffRole.valueOf(form.role()), form.organization()), model,
                response, redirect, locale);
    }

    /** Makes a one-time link for the person to set a new password (sent by mail, or shown here without mail). */
    @PostMapping("/admin/users/{id}/password")
    String password(@PathVariable long id, Principal principal, RedirectAttributes redirect, Locale locale) {
        announce(invitations.reset(id, principal.getName()), redirect, locale);
        return "redirect:/admin/users/" + id;
    }

    /** Says where the link went: to the person's address, or (no mail configured, or no address) onto this page. */
    private void announce(Invitations.Issued issued, RedirectAttributes redirect, Locale locale) {
        String kind = issued.purpose() == Invitations.Purpose.INVITE ? "invited" : "reset";
        boolean sent = mailConfigured && issued.email() != null;
        redirect.addFlashAttribute("message", messages.getMessage("staff.users." + kind + (sent ? ".sent" : ".link"),
                new Object[] {issued.username(), issued.email()}, locale));
        if (!sent) {
            redirect.addFlashAttribute("invitationLink", issued.link());
        }
    }

    @PostMapping("/admin/users/{id}/enabled")
    String enabled(@PathVariable long id,
                   @RequestParam(defaultValue = "false") boolean enabled, Model model,
                   HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        return apply(id, () -> directory.setEnabled(id, enabled), model, response, redirect, locale);
    }

    private String apply(long id, Runnable change, Model model, HttpServletResponse response,
                         RedirectAttributes redirect, Locale locale) {
        try {
            change.run();
        } catch (StaffDirectory.Refused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return userPage(id, model, new FormErrors().add(refused.field(), refused.messageKey()));
        }
        redirect.addFlashAttribute("message", messages.getMessage("staff.user.saved", null, locale));
        return "redirect:/admin/users/" + id;
    }

    private String listPage(Model model, NewUserForm form, FormErrors errors) {
        int page = model.getAttribute("page") instanceof Integer n ? n : 1;
        ResultPage<StaffUser> users = directory.page(page);
        model.addAttribute("users", users);
        model.addAttribute("pageLinks", PageLinks.of("/admin/users"));
        model.addAttribute("organizationNames", directory.organizationNames(users.items()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", StaffRole.values());
        return "staff/users";
    }

    private String userPage(long id, Model model, FormErrors errors) {
        StaffUser user = directory.find(id).orElseThrow(() -> new NotFoundException("staff user " + id));
        model.addAttribute("user", user);
        if (!model.containsAttribute("organization")) {
            model.addAttribute("organization", user.role().office() ? "" : user.organizationCode());
        }
        model.addAttribute("organizationNames", directory.organizationNames(List.of(user)));
        model.addAttribute("errors", errors);
        model.addAttribute("roles", StaffRole.values());
        return "staff/user";
    }
}
