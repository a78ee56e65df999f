package jp.tsunagari.admin;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import jp.tsunagari.catalogue.ContentDiff;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.place.LgCode;
import jp.tsunagari.system.FormErrors;
import jp.tsunagari.system.StaffScope;
import org.springframework.context.MessageSource;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creating and editing programs. Add/remove buttons re-render the form with every value kept; invalid input comes
 * back with an error summary (400); a save based on a stale version shows the conflict page (409) with both versions.
 */
@Controller
class ProgramAdminController {

    private final ProgramEditor editor;
    private final ProgramFormMapper mapper;
    private final FormOptions options;
    private final ContentDiff diff;
    private final MessageSource messages;
    private final SamplePersonas personas;
    private final ProgramAccess access;

    ProgramAdminController(ProgramEditor editor, ProgramFormMapper mapper, FormOptions options, ContentDiff diff,
                           MessageSource messages, SamplePersonas personas, ProgramAccess access) {
        this.access = access;
        this.editor = editor;
        this.mapper = mapper;
        this.options = options;
        this.diff = diff;
        this.messages = messages;
        this.personas = personas;
    }

    @InitBinder("form")
    void bindFields(WebDataBinder binder, org.springframework.web.context.request.WebRequest request) {
        binder.initDirectFieldAccess();
        binder.setAutoGrowCollectionLimit(LIST_LIMIT);
        // Direct field access does not apply the auto-grow limit: a parameter such as groups[99999999].label would
        // grow the list to that size and exhaust the memory. Such parameters (no page of ours sends them) are ignored.
        binder.setDisallowedFields(request.getParameterMap().keySet().stream()
                .filter(ProgramAdminController::indexBeyondLimit).toArray(String[]::new));
    }

    static final int LIST_LIMIT = 200;
    private static final java.util.regex.Pattern INDEX = java.util.regex.Pattern.compile("\\[(\\d+)]");

    static boolean indexBeyondLimit(String parameter) {
        java.util.regex.Matcher m = INDEX.matcher(parameter);
        while (m.find()) {
            if (m.group(1).length() > 4 || Integer.parseInt(m.group(1)) >= LIST_LIMIT) {
                return true;
            }
        }
        return false;
    }

    @GetMapping("/admin/programs/new")
    String newProgram(Model model, Authentication user) {
        ProgramForm form = new ProgramForm();
        form.sections.add(new ProgramForm.SectionForm());
        StaffScope scope = StaffScope.of(user);
        if (!scope.office() && scope.organizationCode() != null) {
            // an organization's new program is its own: the organizer starts as the organization
            String prefecture = LgCode.prefectureOf(scope.organizationCode());
            form.prefecture = prefecture != null ? prefecture : scope.organizationCode().substring(0, 2);
            form.municipality = prefecture != null ? "" : scope.organizationCode();
        }
        return options.page(model, form, new FormErrors(), null);
    }

    @GetMapping("/admin/programs/{id}/duplicate")
    String duplicate(@PathVariable long id, Model model, Authentication user, Locale locale) {
        ProgramContent content = access.editable(id, user).content();
        String copy = messages.getMessage("admin.program.copyOf", new Object[] {content.name()}, locale);
        ProgramForm form = mapper.toForm(content.renamed(copy), 0);
        form.version = "";
        return options.page(model, form, new FormErrors(), null);
    }

    @PostMapping("/admin/programs")
    String create(@Valid @ModelAttribute("form") ProgramForm form, BindingResult checked,
                  @RequestParam(defaultValue = "") String action, Model model, HttpServletResponse response,
                  Authentication user, RedirectAttributes redirect, Locale locale) {
        if (form.edit(action)) {
            return options.page(model, form, new FormErrors(), null);
        }
        if ("publish".equals(action)) {
            access.checkMayPublish(user);
        }
        FormErrors errors = FormErrors.of(checked);
        ProgramContent content = errors.isEmpty() ? mapper.toContent(form) : null;
        if (content != null && !access.mayKeep(content, user)) {
            errors.add("prefecture", "admin.error.notYourOrganization");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return options.page(model, form, errors, null);
        }
        long id = editor.create(content, "publish".equals(action), user.getName());
        redirect.addFlashAttribute("message", messages.getMessage("admin.saved." + ("publish".equals(action) ? "published" : "draft"), null, locale));
        return "redirect:/admin/programs/" + id + "/edit";
    }

    @GetMapping("/admin/programs/{id}/edit")
    String edit(@PathVariable long id, Model model, Authentication user) {
        ProgramEditor.Editable e = access.editable(id, user);
        model.addAttribute("personas", personas.judge(e.content()));
        return options.page(model, mapper.toForm(e.content(), e.version()), new FormErrors(), e);
    }

    @PostMapping("/admin/programs/{id}")
    String save(@PathVariable long id, @Valid @ModelAttribute("form") ProgramForm form, BindingResult checked,
                @RequestParam(defaultValue = "") String action, Model model, HttpServletResponse response,
                Authentication user, RedirectAttributes redirect, Locale locale) {
        ProgramEditor.Editable current = access.editable(id, user);
        if (form.edit(action)) {
            return options.page(model, form, new FormErrors(), current);
        }
        boolean publish = "publish".equals(action);
        if (publish) {
            access.checkMayPublish(user);
        }
        FormErrors errors = FormErrors.of(checked);
        ProgramContent content = errors.isEmpty() ? mapper.toContent(form) : null;
        if (content != null && !access.mayKeep(content, user)) {
            errors.add("prefecture", "admin.error.notYourOrganization");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return options.page(model, form, errors, current);
        }
        try {
            editor.save(id, version(form.version), content, publish, user.getName());
        } catch (ProgramEditor.Conflict conflict) {
            return conflict(model, form, content, conflict.current(), response);
        } catch (ObjectOptimisticLockingFailureException race) {
            return conflict(model, form, content, access.editable(id, user), response);
        }
        redirect.addFlashAttribute("message", messages.getMessage(
                publish || current.status() == jp.tsunagari.catalogue.PublicationStatus.DRAFT
                        ? "admin.saved." + (publish ? "published" : "draft") : "admin.saved.pending", null, locale));
        return "redirect:/admin/programs/" + id + "/edit";
    }

    private String conflict(Model model, ProgramForm form, ProgramContent yours, ProgramEditor.Editable theirs,
                            HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        form.version = Long.toString(theirs.version());
        model.addAttribute("changes", diff.between(theirs.content(), yours));
        model.addAttribute("theirs", theirs);
        options.page(model, form, new FormErrors(), theirs);
        return "admin/conflict";
    }

    @PostMapping("/admin/programs/{id}/publish")
    String publish(@PathVariable long id, @RequestParam(defaultValue = "") String version, Authentication user,
                   RedirectAttributes redirect, Locale locale) {
        access.checkMayPublish(user);
        return change(id, user, () -> editor.publish(id, version(version), user.getName()), "admin.saved.published", redirect, locale);
    }

    @PostMapping("/admin/programs/{id}/unpublish")
    String unpublish(@PathVariable long id, @RequestParam(defaultValue = "") String version, Authentication user,
                     RedirectAttributes redirect, Locale locale) {
        access.checkMayPublish(user);
        return change(id, user, () -> editor.unpublish(id, version(version), user.getName()), "admin.saved.unpublished", redirect, locale);
    }

    @PostMapping("/admin/programs/{id}/discard-draft")
    String discard(@PathVariable long id, Authentication user, RedirectAttributes redirect, Locale locale) {
        return change(id, user, () -> editor.discardDraft(id), "admin.saved.discarded", redirect, locale);
    }

    private String change(long id, Authentication user, Runnable action, String messageKey, RedirectAttributes redirect,
                          Locale locale) {
        access.check(id, user);
        String key = messageKey;
        try {
            action.run();
        } catch (ProgramEditor.Conflict | ObjectOptimisticLockingFailureException e) {
            key = "admin.error.changedMeanwhile";
        }
        redirect.addFlashAttribute("message", messages.getMessage(key, null, locale));
        return "redirect:/admin/programs/" + id + "/edit";
    }

    @GetMapping("/admin/programs/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model, Authentication user) {
        ProgramEditor.Editable e = access.editable(id, user);
        access.checkMayDelete(e, user);
        model.addAttribute("program", e);
        return "admin/delete";
    }

    @PostMapping("/admin/programs/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(defaultValue = "") String version, Authentication user,
                  RedirectAttributes redirect, Locale locale) {
        ProgramEditor.Editable e = access.editable(id, user);
        access.checkMayDelete(e, user);
        try {
            editor.delete(id, version(version), user.getName());
        } catch (ProgramEditor.Conflict | ObjectOptimisticLockingFailureException changed) {
            redirect.addFlashAttribute("message", messages.getMessage("admin.error.changedMeanwhile", null, locale));
            return "redirect:/admin/programs/" + id + "/edit";
        }
        redirect.addFlashAttribute("message", messages.getMessage("admin.deleted", new Object[] {e.content().name()}, locale));
        return "redirect:/admin";
    }

    /** The version the form was loaded at; anything unreadable can only be stale. */
    private static long version(String text) {
        return text != null && text.matches("\\d{1,18}") ? Long.parseLong(text) : -1;
    }
}
