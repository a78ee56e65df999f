package jp.tsunagari.catalogue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.tsunagari.place.LgCode;
import jp.tsunagari.system.ResultPage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The staff list of programs, drafts included: search by name, filter by category, prefecture and status. */
@Service
@Transactional(readOnly = true)
public class StaffProgramList {

    public static final int PAGE_SIZE = 25;

    private final EntityManager em;
    private final Freshness freshness;

    StaffProgramList(EntityManager em, Freshness freshness) {
        this.em = em;
        this.freshness = freshness;
    }

    /** The statuses of the re-confirmation cycle the list filters by (besides PUBLISHED, DRAFT and PENDING). */
    public static final java.util.Set<String> CYCLE_STATUSES = java.util.Set.of("DUE", "UNCONFIRMED", "OVERDUE");

    public enum Sort {
        UPDATED("p.updatedAt desc, p.id desc"), NAME("p.nameKana asc, p.id asc"), ID("p.id asc"),
        /** Longest unconfirmed first (the re-confirmation queue's order). */
        ASSURED("p.assuredOn asc, p.id asc");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /**
     * status: null for all, or PUBLISHED, DRAFT, "PENDING" (published with unpublished changes), "DUE" (the
     * re-confirmation queue: published and not confirmed for 12 months, or a link broken twice in a row), "UNCONFIRMED" (15 months) or "OVERDUE" (asked, reminded and handed
     * to the office, still unconfirmed); organization:
     * null for every program (the office), or the code of the organization whose programs alone are listed (see
     * {@link Maintainers}).
     */
    public record Query(String text, String category, String prefecture, String status, Sort sort, int page,
                        String organization) {
    }

    public record Row(Long id, String name, String categoryNameJa, String prefectureNameJa, String municipalityNameJa,
                      PublicationStatus status, boolean pendingDraft, String updatedBy, Instant updatedAt,
                      java.time.LocalDate assuredOn, boolean brokenLink) {
    }

    public ResultPage<Row> find(Query q) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" and (lower(p.name) like :text or p.nameKana like :text)");
            params.put("text", "%" + q.text().strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        if (q.category() != null && !q.category().isBlank()) {
            where.append(" and c.code = :category");
            params.put("category", q.category());
        }
        if (q.prefecture() != null && !q.prefecture().isBlank()) {
            where.append(" and (op.code = :pref or exists (select 1 from ExampleGroup e where e.program = p"
                    + " and e.prefecture.code = :pref))");
            params.put("pref", q.prefecture());
        }
        if ("PENDING".equals(q.status())) {
            where.append(" and exists (select 1 from PendingDraft d where d.programId = p.id)");
        } else if (CYCLE_STATUSES.contains(q.status())) {
            cycle(q.status(), where, params);
        } else if (q.status() != null && !q.status().isBlank()) {
            where.append(" and p.status = :status");
            params.put("status", PublicationStatus.valueOf(q.status()));
        }
        maintainedBy(q.organization(), where, params);
        String from = " from Program p join p.category c left join p.organizerPrefecture op"
                + " left join p.organizerMunicipality om";
        TypedQuery<Long> count = em.createQuery("select count(p)" + from + where, Long.class);
        params.forEach(count::setParameter);
        long total = count.getSingleResult();
        TypedQuery<Row> rows = em.createQuery("select new jp.tsunagari.catalogue.StaffProgramList$Row(p.id, p.name,"
                + " c.nameJa, op.nameJa, om.nameJa, p.status,"
                + " case when exists (select 1 from PendingDraft d where d.programId = p.id) then true else false end,"
                + " p.updatedBy, p.updatedAt, p.assuredOn, case when " + CURRENT_REQUEST + "r.brokenLink = true)"
                + " then true else false end)" + from + where + " order by " + q.sort().orderBy, Row.class);
        params.forEach(rows::setParameter);
        rows.setFirstResult((q.page() - 1) * PAGE_SIZE);
        rows.setMaxResults(PAGE_SIZE);
        return new ResultPage<>(total == 0 ? List.of() : rows.getResultList(), total, q.page(), PAGE_SIZE);
    }

    /**
     * The ids of every program (drafts included) that {@code organization} maintains, by the same rule as the list:
     * for pages that filter other data by the programs an organization editor may see (e.g. broken links, the
     * overview). Plain SQL on the indexes: a municipality's programs from {@code program_organizer_muni_idx}; a
     * prefecture's from {@code program_organizer_pref_idx} (its own programs) and {@code example_group_prefecture_idx}.
     * (The list's JPA condition, joined to the places, read every program: 0.7–1.3 s at 100,000.)
     */
    @SuppressWarnings("unchecked")
    public List<Long> idsMaintainedBy(String organization) {
        if (organization == null) {
            return List.of();
        }
        String prefecture = LgCode.prefectureOf(organization);
        // coalesce(…) = '' rather than "is null": H2 would otherwise read every program without a municipality
        // through program_organizer_muni_idx instead of the prefecture's through program_organizer_pref_idx.
        jakarta.persistence.Query ids = prefecture == null
                ? em.createNativeQuery("select id from program where organizer_municipality_code = ?1 order by id")
                        .setParameter(1, organization)
                : em.createNativeQuery("select id from program where organizer_prefecture_code = ?1"
                                + " and coalesce(organizer_municipality_code, '') = ''"
                                + " union select program_id from example_group where prefecture_code = ?1 order by 1")
                        .setParameter(1, prefecture);
        return ((List<Number>) ids.getResultList()).stream().map(Number::longValue).toList();
    }

    /** A request of the queue still current: its program not confirmed since it was made. */
    private static final String CURRENT_REQUEST = "exists (select 1 from ReconfirmationRow r where r.programId = p.id"
            + " and r.dueSince = p.assuredOn and ";

    private void cycle(String status, StringBuilder where, Map<String, Object> params) {
        java.time.LocalDate today = freshness.today();
        params.put("published", PublicationStatus.PUBLISHED);
        if ("OVERDUE".equals(status)) {
            where.append(" and p.status = :published and " + CURRENT_REQUEST + "r.escalatedOn is not null)");
            return;
        }
        where.append(" and p.status = :published and (p.assuredOn <= :assured");
        where.append("DUE".equals(status) ? " or " + CURRENT_REQUEST + "r.brokenLink = true))" : ")");
        params.put("assured", "UNCONFIRMED".equals(status) ? freshness.noticeOnOrBefore(today)
                : freshness.dueOnOrBefore(today));
    }

    /** The same rule as {@link Maintainers#of}, as a condition on the list's query. */
    private static void maintainedBy(String organization, StringBuilder where, Map<String, Object> params) {
        if (organization == null) {
            return;
        }
        String prefecture = LgCode.prefectureOf(organization);
        if (prefecture == null) {
            where.append(" and om.lgCode = :organization");
            params.put("organization", organization);
        } else {
            where.append(" and ((om is null and op.code = :organization) or exists (select 1 from ExampleGroup x"
                    + " where x.program = p and x.prefecture.code = :organization))");
            params.put("organization", prefecture);
        }
    }
}
