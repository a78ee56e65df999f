package jp.tsunagari.catalogue;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tsunagari.catalogue.internal.ProgramRevisionEntity;
import jp.tsunagari.system.JapanTime;
import jp.tsunagari.system.ResultPage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the public may know of a published program's history: its published versions (history revisions whose
 * status after the change is 公開, deletions left out), newest first, each with its time and what it changed in words
 * compared with the published version before it ({@link ChangeWords}). Never who changed it, nor drafts, comments or
 * values. A program published before history was recorded (the seed) has one version: its listing. Loads one page of
 * revisions (and the one before the page, to compare), never the whole history.
 */
@Service
@Transactional(readOnly = true)
public class PublicHistory {

    public static final int PAGE_SIZE = 20;
    private static final String VERSIONS = " from ProgramRevision r where r.programId = :id"
            + " and r.status = jp.tsunagari.catalogue.PublicationStatus.PUBLISHED"
            + " and r.action <> jp.tsunagari.catalogue.RevisionAction.DELETE";
    private static final String PUBLISHED_PROGRAM = " from Program p join p.category c where"
            + " p.status = jp.tsunagari.catalogue.PublicationStatus.PUBLISHED";

    private final EntityManager em;
    private final JsonMapper json;
    private final ChangeWords words;

    PublicHistory(EntityManager em, JsonMapper json, ChangeWords words) {
        this.em = em;
        this.json = json;
        this.words = words;
    }

    /**
     * One published version: its number (1 = first published), when it was published and what it changed (empty for
     * the first, or when it was only published again).
     */
    public record Version(int number, Instant publishedAt, boolean first, List<FieldChange> changes) {

        /** The day in Japan. */
        public LocalDate day() {
            return LocalDate.ofInstant(publishedAt, JapanTime.ZONE);
        }
    }

    /** A page of a published program's versions, newest first. */
    public record Page(long programId, String name, ResultPage<Version> versions) {
    }

    /** Page {@code page} (from 1) of a published program's versions; empty if it is not published. */
    public Optional<Page> page(long programId, int page) {
        List<Object[]> program = em.createQuery("select p.name, p.updatedAt" + PUBLISHED_PROGRAM + " and p.id = :id",
                Object[].class).setParameter("id", programId).getResultList();
        if (program.isEmpty()) {
            return Optional.empty();
        }
        long total = em.createQuery("select count(r)" + VERSIONS, Long.class).setParameter("id", programId)
                .getSingleResult();
        int offset = (page - 1) * PAGE_SIZE;
        List<Version> versions = total == 0
                ? page == 1 ? List.of(new Version(1, (Instant) program.get(0)[1], true, List.of())) : List.of()
                : versions(programId, offset, PAGE_SIZE, total);
        return Optional.of(new Page(programId, (String) program.get(0)[0],
                new ResultPage<>(versions, Math.max(total, 1), page, PAGE_SIZE)));
    }

    /** A feed entry: a published program, when it was last and first published, and its newest version. */
    public record Update(long id, String name, String summary, String categoryCode, String categoryNameJa,
                         String categoryNameEn, Instant updated, Instant published, Version latest) {

        /** Changed since it was first published (else new). */
        public boolean changed() {
            return latest != null && !latest.first();
        }
    }

    /** The feed entries of those of {@code ids} that are published, in the order given. */
    public List<Update> updates(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Instant> first = new HashMap<>();
        Map<Long, Version> latest = latest(ids, first);
        Map<Long, Object[]> rows = new HashMap<>();
        em.createQuery("select p.id, p.name, p.summary, c.code, c.nameJa, c.nameEn, p.updatedAt, p.createdAt"
                        + PUBLISHED_PROGRAM + " and p.id in :ids", Object[].class).setParameter("ids", ids)
                .getResultList().forEach(row -> rows.put((Long) row[0], row));
        List<Update> updates = new ArrayList<>();
        for (Long id : ids) {
            Object[] r = rows.get(id);
            if (r != null) {
                updates.add(new Update(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                        (Instant) r[6], first.getOrDefault(id, (Instant) r[7]), latest.get(id)));
            }
        }
        return updates;
    }

    /**
     * The newest published version of each program (none if it was published before history was kept), compared with
     * the one before it, in one query for all: the two newest published revisions of each, their count and the
     * first one's time (put into {@code first}).
     */
    private Map<Long, Version> latest(List<Long> ids, Map<Long, Instant> first) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select program_id, changed_at, snapshot, rn, total, first_at from ("
                + "select program_id, changed_at, snapshot, row_number() over (partition by program_id order by revision"
                + " desc) rn, count(*) over (partition by program_id) total, min(changed_at) over (partition by"
                + " program_id) first_at from program_revision where program_id in (:ids) and status = 'PUBLISHED'"
                + " and action <> 'DELETE') t where rn <= 2 order by program_id, rn").setParameter("ids", ids)
                .getResultList();
        Map<Long, Object[]> newest = new HashMap<>();
        Map<Long, String> before = new HashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            if (((Number) r[3]).intValue() == 1) {
                newest.put(id, r);
                first.put(id, instant(r[5]));
            } else {
                before.put(id, (String) r[2]);
            }
        }
        Map<Long, Version> versions = new HashMap<>();
        newest.forEach((id, r) -> {
            String previous = before.get(id);
            versions.put(id, new Version(((Number) r[4]).intValue(), instant(r[1]), previous == null,
                    previous == null ? List.of() : words.between(json.readValue(previous, ProgramContent.class),
                            json.readValue((String) r[2], ProgramContent.class))));
        });
        return versions;
    }

    /** A timestamp column as the driver gives it (H2 and PostgreSQL differ). */
    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof java.sql.Timestamp t ? t.toInstant() : Instant.parse(value.toString());
    }

    /** {@code limit} versions from {@code offset} (newest first), each compared with the one before it. */
    private List<Version> versions(long programId, int offset, int limit, long total) {
        List<ProgramRevisionEntity> rows = em.createQuery("select r" + VERSIONS + " order by r.revision desc",
                        ProgramRevisionEntity.class).setParameter("id", programId).setFirstResult(offset)
                .setMaxResults(limit + 1).getResultList();
        List<ProgramContent> contents = rows.stream().map(r -> json.readValue(r.snapshot(), ProgramContent.class))
                .toList();
        List<Version> versions = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            boolean first = i + 1 >= rows.size();
            int number = (int) Math.max(1, total - offset - i);
            versions.add(new Version(number, rows.get(i).changedAt(), first,
                    first ? List.of() : words.between(contents.get(i + 1), contents.get(i))));
        }
        return versions;
    }
}
