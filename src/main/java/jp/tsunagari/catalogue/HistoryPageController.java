package jp.tsunagari.catalogue;

import jp.tsunagari.system.HeadMeta;
import jp.tsunagari.system.NotFoundException;
import jp.tsunagari.system.PublicUrls;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /programs/{id}/history}: the public 更新履歴 of a published program ({@link PublicHistory}), 20 versions a
 * page. A program that is not published, an unknown id and a page past the last are 404, like the program page.
 */
@Controller
class HistoryPageController {

    private final PublicHistory history;
    private final PublicUrls urls;

    HistoryPageController(PublicHistory history, PublicUrls urls) {
        this.history = history;
        this.urls = urls;
    }

    /** The history's page links, for the pagination fragment. */
    record Links(long id) {
        public String page(int n) {
            return "/programs/" + id + "/history" + (n > 1 ? "?page=" + n : "");
        }
    }

    @GetMapping("/programs/{id}/history")
    String history(@PathVariable String id, @RequestParam(required = false) String page, Model model) {
        long programId = ProgramController.parseId(id);
        int n = page == null || page.isBlank() ? 1 : page.strip().matches("\\d{1,6}") ? Integer.parseInt(page.strip()) : 0;
        PublicHistory.Page found = history.page(programId, Math.max(n, 1))
                .filter(h -> n >= 1 && !h.versions().items().isEmpty())
                .orElseThrow(() -> new NotFoundException("history of program " + id));
        Links links = new Links(programId);
        model.addAttribute("headMeta", HeadMeta.of(urls.absolute(links.page(n)), found.name(), null));
        model.addAttribute("history", found);
        model.addAttribute("links", links);
        return "catalogue/history";
    }
}
