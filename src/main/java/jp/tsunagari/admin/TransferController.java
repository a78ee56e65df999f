package jp.tsunagari.admin;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/export}: the whole catalogue as JSON, streamed ({@link CatalogueExport}). {@code /admin/import}:
 * upload a JSON export or a program table CSV, see what each row would do (dry run), then apply it all at once. The
 * file waits in the session between the two steps; applying checks it again against the catalogue as it is then.
 */
@Controller
class TransferController {

    static final String PENDING = "catalogue.import.pending";

    /** The uploaded file between dry run and apply. */
    record Pending(String fileName, byte[] bytes, boolean keepStatus, String token) implements Serializable {
    }

    private final CatalogueImport imports;
    private final CatalogueExport exports;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;

    TransferController(CatalogueImport imports, CatalogueExport exports, Clock clock,
                       org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.imports = imports;
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping("/admin/export")
    void export(HttpServletResponse response) throws IOException {
        String name = "tsunagari-catalogue-" + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE) + ".json";
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                .toString());
        exports.write(response.getOutputStream());
    }

    @GetMapping("/admin/import")
    String form(Model model) {
        limits(model);
        return "admin/import";
    }

    @PostMapping("/admin/import")
    String dryRun(@RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean keepStatus, HttpSession session, Model model)
            throws IOException {
        limits(model);
        model.addAttribute("keepStatus", keepStatus);
        if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank()))) {
            model.addAttribute("fileError", "admin.import.error.noFile");
            return "admin/import";
        }
        if (file.getSize() > CatalogueImport.MAX_BYTES) {
            model.addAttribute("fileError", "admin.import.error.tooLarge");
            return "admin/import";
        }
        byte[] bytes = file.getBytes();
        ImportPlan plan = imports.plan(file.getOriginalFilename(), bytes, keepStatus);
        session.removeAttribute(PENDING);
        if (plan.ok()) {
            Pending pending = new Pending(plan.fileName(), bytes, keepStatus, token(bytes, keepStatus));
            session.setAttribute(PENDING, pending);
            model.addAttribute("token", pending.token());
        }
        model.addAttribute("plan", plan);
        return "admin/import";
    }

    @PostMapping("/admin/import/apply")
    String apply(@RequestParam(defaultValue = "") String token, HttpSession session, Principal principal, Model model,
                 RedirectAttributes redirect, java.util.Locale locale) {
        limits(model);
        Object stored = session.getAttribute(PENDING);
        if (!(stored instanceof Pending pending) || !pending.token().equals(token)) {
            model.addAttribute("fileError", "admin.import.error.expired");
            return "admin/import";
        }
        ImportPlan plan = imports.apply(pending.fileName(), pending.bytes(), pending.keepStatus(), principal.getName());
        if (!plan.ok()) {
            session.removeAttribute(PENDING);
            model.addAttribute("plan", plan);
            model.addAttribute("keepStatus", pending.keepStatus());
            model.addAttribute("changedMeanwhile", true);
            return "admin/import";
        }
        session.removeAttribute(PENDING);
        redirect.addFlashAttribute("message", messages.getMessage("admin.import.applied", new Object[] {
                plan.count(ImportPlan.Kind.NEW), plan.count(ImportPlan.Kind.UPDATE),
                plan.count(ImportPlan.Kind.UNCHANGED)}, locale));
        return "redirect:/admin/import?applied";
    }

    private static void limits(Model model) {
        model.addAttribute("maxMegabytes", CatalogueImport.MAX_BYTES / 1024 / 1024);
        model.addAttribute("maxRows", CatalogueImport.MAX_ROWS);
    }

    private static String token(byte[] bytes, boolean keepStatus) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes);
            sha.update((byte) (keepStatus ? 1 : 0));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
