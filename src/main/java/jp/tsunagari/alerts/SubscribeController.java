package jp.tsunagari.alerts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.util.Locale;
import java.util.Optional;
import jp.tsunagari.system.Choice;
import jp.tsunagari.system.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Subscribing: {@code /alerts/new} (the form, with the conditions of the page it was opened from in words),
 * {@code POST /alerts} (one mail with a confirmation link, and the same answer whatever the address's state), and
 * {@code /alerts/confirm/{token}} (a page with one button: opening the link alone — as mail scanners do — confirms
 * nothing). Works without JavaScript; every answer is a page.
 */
@Controller
class SubscribeController {

    private final AlertConditions conditions;
    private final AlertText text;
    private final Subscriptions subscriptions;
    private final AlertMail mail;

    SubscribeController(AlertConditions conditions, AlertText text, Subscriptions subscriptions, AlertMail mail) {
        this.conditions = conditions;
        this.text = text;
        this.subscriptions = subscriptions;
        this.mail = mail;
    }

    /** The form as sent: the conditions (hidden), the address, the frequency and the consent. */
    record SubscribeForm(String kind, String conditions, @MailAddress String email,
                         @Choice(value = Frequency.class, required = true) String frequency,
                         @NotNull(message = "{alerts.error.consent}") @AssertTrue(message = "{alerts.error.consent}") Boolean consent) {
    }

    @GetMapping("/alerts/new")
    String form(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response,
                Locale locale) {
        Optional<AlertConditions.Read> read = conditions.read(params);
        if (read.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "alerts/unusable";
        }
        SubscribeForm form = new SubscribeForm(AlertConditions.kindCode(read.get().kind()), read.get().conditions(),
                "", Frequency.DAILY.code(), null);
        return page(form, read.get(), new FormErrors(), model, locale);
    }

    @PostMapping("/alerts")
    String subscribe(@Valid @ModelAttribute("form") SubscribeForm form, BindingResult checked, Model model,
                     HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Optional<AlertConditions.Read> read = conditions.reread(form.kind(), form.conditions());
        if (read.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "alerts/unusable";
        }
        FormErrors errors = FormErrors.of(checked);
        if (!errors.isEmpty() || !mail.available()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(form, read.get(), errors, model, locale);
        }
        Frequency frequency = Frequency.valueOf(form.frequency().strip().toUpperCase(Locale.ROOT));
        boolean allowed = subscriptions.subscribe(new Subscriptions.Request(form.email(), read.get().kind(),
                read.get().conditions(), read.get().age(), frequency, locale), request.getRemoteAddr());
        if (!allowed) {
            response.setStatus(429);
            response.setHeader("Retry-After", "3600");
            return page(form, read.get(), new FormErrors().add("email", "alerts.error.tooMany"), model, locale);
        }
        model.addAttribute("email", Addresses.normalize(form.email()));
        return "alerts/sent";
    }

    @GetMapping("/alerts/confirm/{token}")
    String confirmPage(@PathVariable String token, Model model, HttpServletResponse response, Locale locale) {
        return subscriptions.pending(token).map(row -> {
            model.addAttribute("token", token);
            model.addAttribute("conditions", text.conditions(row.kind(), row.conditions(), row.ageOn(), locale));
            model.addAttribute("frequency", row.frequency().code());
            return "alerts/confirm";
        }).orElseGet(() -> gone(response));
    }

    @PostMapping("/alerts/confirm/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response, Locale locale) {
        return subscriptions.confirm(token).map(row -> {
            model.addAttribute("manage", mail.managePath(row));
            model.addAttribute("list", text.listPath(row.kind(), row.conditions(), row.ageOn()));
            return "alerts/confirmed";
        }).orElseGet(() -> gone(response));
    }

    private String page(SubscribeForm form, AlertConditions.Read read, FormErrors errors, Model model, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("available", mail.available());
        model.addAttribute("conditionLines", text.conditions(read.kind(), read.conditions(), null, locale));
        model.addAttribute("checker", read.kind() == Kind.CHECKER);
        model.addAttribute("frequencies", Frequency.values());
        return "alerts/new";
    }

    static String gone(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_GONE);
        return "alerts/gone";
    }
}
