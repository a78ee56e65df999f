package jp.tsunagari.alerts;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Leaving and changing, from the links in every mail, without signing in: {@code /alerts/manage/{token}} shows the
 * conditions and the frequency, changes the frequency, keeps the subscription for another year, or deletes it;
 * {@code /alerts/unsubscribe/{token}} deletes it with one button, or with the one-click POST of RFC 8058 that mail
 * programs send ({@code List-Unsubscribe=One-Click}, no CSRF token: the link is the secret). Deleting removes the
 * subscription and its address at once; a link used again gets the same 「配信を停止しました」 page.
 */
@Controller
class ManageController {

    private final Subscriptions subscriptions;
    private final AlertText text;

    ManageController(Subscriptions subscriptions, AlertText text) {
        this.subscriptions = subscriptions;
        this.text = text;
    }

    @GetMapping("/alerts/manage/{token}")
    String manage(@PathVariable String token, @RequestParam(required = false) String changed, Model model,
                  HttpServletResponse response, Locale locale) {
        Optional<SubscriptionRows.Row> row = subscriptions.byLink(token);
        if (row.isEmpty()) {
            return SubscribeController.gone(response);
        }
        SubscriptionRows.Row r = row.get();
        model.addAttribute("token", token);
        model.addAttribute("email", r.email());
        model.addAttribute("conditions", text.conditions(r.kind(), r.conditions(), r.ageOn(), locale));
        model.addAttribute("frequency", r.frequency().code());
        model.addAttribute("frequencies", Frequency.values());
        model.addAttribute("list", text.listPath(r.kind(), r.conditions(), r.ageOn()));
        model.addAttribute("changed", changed);
        return "alerts/manage";
    }

    @PostMapping("/alerts/manage/{token}/frequency")
    String frequency(@PathVariable String token, @RequestParam(required = false) String frequency,
                     HttpServletResponse response) {
        Optional<Frequency> f = Frequency.fromCode(frequency == null ? "" : frequency.strip());
        if (f.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "alerts/unusable";
        }
        return subscriptions.changeFrequency(token, f.get()) ? "redirect:/alerts/manage/" + token + "?changed=frequency"
                : SubscribeController.gone(response);
    }

    @PostMapping("/alerts/manage/{token}/renew")
    String renew(@PathVariable String token, HttpServletResponse response) {
        return subscriptions.renew(token) ? "redirect:/alerts/manage/" + token + "?changed=renewed"
                : SubscribeController.gone(response);
    }

    @GetMapping("/alerts/unsubscribe/{token}")
    String unsubscribePage(@PathVariable String token, Model model, Locale locale) {
        Optional<SubscriptionRows.Row> row = subscriptions.byLink(token);
        if (row.isEmpty()) {
            return "alerts/unsubscribed";
        }
        model.addAttribute("token", token);
        model.addAttribute("conditions", text.conditions(row.get().kind(), row.get().conditions(), row.get().ageOn(),
                locale));
        return "alerts/unsubscribe";
    }

    /** The button, the management page's 「すべて削除」 and the mail program's one-click POST: all delete at once. */
    @PostMapping({"/alerts/unsubscribe/{token}", "/alerts/manage/{token}/delete"})
    String unsubscribe(@PathVariable String token) {
        subscriptions.unsubscribe(token);
        return "alerts/unsubscribed";
    }

}
