package jp.tsunagari.catalogue;

import jp.tsunagari.system.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /programs/{id}}: every fact of one program. An unknown or non-numeric id is a 404. */
@Controller
class ProgramController {

    private static final int RELATED = 4;

    private final ProgramDetails details;
    private final ProgramFinder finder;

    ProgramController(ProgramDetails details, ProgramFinder finder) {
        this.details = details;
        this.finder = finder;
    }

    @GetMapping("/programs/{id}")
    String program(@PathVariable String id, Model model) {
        long programId = parseId(id);
        ProgramDetails.Details d = details.published(programId)
                .orElseThrow(() -> new NotFoundException("program " + id));
        model.addAttribute("program", d.program());
        model.addAttribute("areaNames", d.areaNames());
        model.addAttribute("related", finder.find(ProgramQuery.all().withCategory(d.program().category().code())
                        .withPage(1, RELATED + 1)).items().stream()
                .filter(c -> !c.id().equals(d.program().id())).limit(RELATED).toList());
        return "catalogue/program";
    }

    private static long parseId(String id) {
        if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NotFoundException("program " + id);
        }
        return Long.parseLong(id);
    }
}
