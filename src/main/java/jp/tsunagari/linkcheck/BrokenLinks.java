package jp.tsunagari.linkcheck;

import java.util.List;
import java.util.Map;
import jp.tsunagari.catalogue.ProgramLinks;
import jp.tsunagari.catalogue.StaffProgramList;
import jp.tsunagari.system.ResultPage;
import jp.tsunagari.system.StaffScope;
import org.springframework.stereotype.Service;

/**
 * The broken links a person may see: the office every program's, an organization editor those of the programs its
 * organization maintains (the rule of {@link StaffProgramList#idsMaintainedBy}). A page is a fixed number of
 * statements: the organization's program ids (for an organization editor), the count, the page's rows, and the page's
 * programs' names and current addresses.
 */
@Service
public class BrokenLinks {

    public static final int PAGE_SIZE = 50;

    private final LinkCheckRows rows;
    private final ProgramLinks programs;
    private final StaffProgramList staffList;

    BrokenLinks(LinkCheckRows rows, ProgramLinks programs, StaffProgramList staffList) {
        this.rows = rows;
        this.programs = programs;
        this.staffList = staffList;
    }

    /** How many broken links this person may see. */
    public long count(StaffScope scope) {
        return scope.office() ? rows.countBroken() : rows.countBroken(staffList.idsMaintainedBy(scope.organizationCode()));
    }

    /** The programs with a broken link, of every organization, in id order (one statement). */
    public List<Long> programIds() {
        return rows.brokenProgramIds();
    }

    /** Page {@code page} (from 1) of the broken links this person may see, by program id and kind of address. */
    public ResultPage<BrokenLink> page(StaffScope scope, int page) {
        int offset = (Math.max(1, page) - 1) * PAGE_SIZE;
        List<LinkCheckRows.Row> found;
        long total;
        if (scope.office()) {
            total = rows.countBroken();
            found = total == 0 ? List.of() : rows.broken(offset, PAGE_SIZE);
        } else {
            List<Long> ids = staffList.idsMaintainedBy(scope.organizationCode());
            total = rows.countBroken(ids);
            found = total == 0 ? List.of() : rows.broken(ids, offset, PAGE_SIZE);
        }
        Map<Long, ProgramLinks.Links> current = programs.of(found.stream().map(LinkCheckRows.Row::programId)
                .distinct().toList());
        List<BrokenLink> items = found.stream().filter(r -> current.containsKey(r.programId())).map(r -> {
            ProgramLinks.Links now = current.get(r.programId());
            return new BrokenLink(r.programId(), now.name(), r.kind(), r.url(), r.outcome(), r.status(), r.checkedAt(),
                    r.firstFailedAt(), !r.url().equals(now.urls().get(r.kind())));
        }).toList();
        return new ResultPage<>(items, total, Math.max(1, page), PAGE_SIZE);
    }
}
