package jp.tsunagari.catalogue;

import java.time.Clock;
import java.util.List;
import jp.tsunagari.catalogue.internal.LinkedData;
import jp.tsunagari.catalogue.internal.Program;
import jp.tsunagari.catalogue.internal.ProgramContentMapping;
import jp.tsunagari.catalogue.internal.ProgramFinder;
import jp.tsunagari.catalogue.internal.ProgramPageLoader;
import jp.tsunagari.system.HeadMeta;
import jp.tsunagari.system.JapanTime;
import jp.tsunagari.system.NotFoundException;
import jp.tsunagari.system.PublicUrls;
import jp.tsunagari.system.StaffScope;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /programs/{id}}: every fact of one program, with its canonical URL, OpenGraph tags and schema.org JSON-LD
 * in the head. An unknown or non-numeric id is a 404. Also staff's preview of a draft in the same page.
 */
@Controller
class ProgramController {

    private static final int RELATED = 4;

    private final ProgramPageLoader details;
    private final ProgramFinder finder;
    private final PublicUrls urls;
    private final LinkedData linkedData;
    private final ProgramEditor editor;
    private final Maintainers maintainers;

    private final Clock clock;
    private final Freshness freshness;

    ProgramController(ProgramPageLoader details, ProgramFinder finder, PublicUrls urls, LinkedData linkedData,
                      ProgramEditor editor, Maintainers maintainers, Clock clock, Freshness freshness) {
        this.clock = clock;
        this.freshness = freshness;
        this.editor = editor;
        this.maintainers = maintainers;
        this.details = details;
        this.finder = finder;
        this.urls = urls;
        this.linkedData = linkedData;
    }

    @GetMapping("/programs/{id}")
    String program(@PathVariable String id,
                   @RequestParam(name = CompareSelection.PARAMETER, required = false) List<String> compare, Model model) {
        long programId = parseId(id);
        ProgramPageLoader.Details d = details.published(programId)
                .orElseThrow(() -> new NotFoundException("program " + id));
        Program program = d.program();
        String url = urls.absolute("/programs/" + program.id());
        model.addAttribute("headMeta", HeadMeta.of(url, program.name(), program.summary())
                .withLinkedData(linkedData.governmentService(program, url)));
        model.addAttribute("program", program);
        model.addAttribute("schedule", ScheduleView.of(program.lifecycle(), program.schedule(), JapanTime.today(clock)));
        model.addAttribute("unconfirmedSince", unconfirmedSince(program));
        model.addAttribute("today", JapanTime.today(clock));
        model.addAttribute("maintainers", maintainers.names(maintainers.of(ProgramContentMapping.of(program))));
        model.addAttribute("areaNames", d.areaNames());
        model.addAttribute("related", finder.find(ProgramQuery.all().withCategory(d.program().category().code())
                        .withPage(1, RELATED + 1)).items().stream()
                .filter(c -> !c.id().equals(d.program().id())).limit(RELATED).toList());
        model.addAttribute("compareLinks", new CompareLinks(CompareSelection.of(compare), "/programs/" + program.id()));
        return "catalogue/program";
    }

    /**
     * Staff's preview of the public page with the pending draft (or the current content), saving nothing. It lives
     * here, beside the page it previews, because it renders catalogue internals; its URL is under /admin, so only
     * signed-in staff reach it (staff.SecurityConfig).
     */
    @GetMapping("/admin/programs/{id}/preview")
    String preview(@PathVariable long id, Model model, Authentication user) {
        StaffScope scope = StaffScope.of(user);
        ProgramPageLoader.Details d = editor.preview(id)
                .filter(x -> scope.office() || scope.mayEdit(maintainers.ofProgram(id)))
                .orElseThrow(() -> new NotFoundException("program " + id));
        model.addAttribute("program", d.program());
        model.addAttribute("unconfirmedSince", unconfirmedSince(d.program()));
        model.addAttribute("schedule", ScheduleView.of(d.program().lifecycle(), d.program().schedule(),
                JapanTime.today(clock)));
        model.addAttribute("today", JapanTime.today(clock));
        model.addAttribute("maintainers", maintainers.names(maintainers.of(ProgramContentMapping.of(d.program()))));
        model.addAttribute("areaNames", d.areaNames());
        model.addAttribute("related", List.of());
        model.addAttribute("previewOf", id);
        return "catalogue/program";
    }

    static long parseId(String id) {
        if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NotFoundException("program " + id);
        }
        return Long.parseLong(id);
    }

    /** The month to name in 「この情報は…以降確認されていません」, or null (confirmed recently enough, or a draft). */
    private java.time.YearMonth unconfirmedSince(Program program) {
        java.time.LocalDate since = program.isPublished() ? freshness.unconfirmedSince(program.assuredOn()) : null;
        return since == null ? null : java.time.YearMonth.from(since);
    }
}
