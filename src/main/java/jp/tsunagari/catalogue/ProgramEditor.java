package jp.tsunagari.catalogue;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.tsunagari.catalogue.internal.PendingDraft;
import jp.tsunagari.catalogue.internal.PendingDrafts;
import jp.tsunagari.catalogue.internal.Program;
import jp.tsunagari.catalogue.internal.ProgramContentMapping;
import jp.tsunagari.catalogue.internal.ProgramIds;
import jp.tsunagari.catalogue.internal.ProgramPageLoader;
import jp.tsunagari.catalogue.internal.ProgramParts;
import jp.tsunagari.catalogue.internal.ProgramRepository;
import jp.tsunagari.catalogue.internal.ProgramRevisionEntity;
import jp.tsunagari.catalogue.internal.ProgramRevisions;
import jp.tsunagari.catalogue.internal.ReviewRows;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.ChangeMarker;
import jp.tsunagari.system.JapanTime;
import jp.tsunagari.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff changes to programs: create, save (publish now or keep as a draft), publish, unpublish, delete, restore.
 * Every change states the version it was based on; a stale version is a {@link Conflict}, never an overwrite.
 * Every change of a program is recorded as a revision with the whole content; the first change of a program that
 * has no history (the seed) first records its content as it was.
 */
@Service
@Transactional
public class ProgramEditor {

    private final ProgramRepository programs;
    private final ProgramParts partsOf;
    private final ReviewRows reviews;
    private final ProgramRevisions revisions;
    private final PendingDrafts drafts;
    private final Places places;
    private final EntityManager em;
    private final JsonMapper json;
    private final Clock clock;
    private final ChangeMarker marker;
    private final ProgramIds identities;

    ProgramEditor(ProgramRepository programs, ProgramParts partsOf, ReviewRows reviews, ProgramRevisions revisions,
                  PendingDrafts drafts, Places places, EntityManager em, JsonMapper json, Clock clock,
                  ChangeMarker marker, ProgramIds identities) {
        this.identities = identities;
        this.programs = programs;
        this.partsOf = partsOf;
        this.reviews = reviews;
        this.revisions = revisions;
        this.drafts = drafts;
        this.places = places;
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.marker = marker;
    }

    /** A program as staff edit it: its content, or the pending draft's if there is one; 最終確認日 and assured_on. */
    public record Editable(long id, long version, PublicationStatus status, boolean hasPendingDraft,
                           ProgramContent content, String updatedBy, Instant updatedAt, LocalDate confirmedOn,
                           LocalDate assuredOn) {
    }

    /** Another change was saved since the version the editor started from. */
    public static class Conflict extends RuntimeException {
        private final transient Editable current;

        Conflict(Editable current) {
            super("program " + current.id() + " changed (now version " + current.version() + ")", null, false, false);
            this.current = current;
        }

        public Editable current() {
            return current;
        }
    }

    /** A code in the content refers to nothing (a category, prefecture, municipality or source that does not exist). */
    public static class InvalidReference extends RuntimeException {
        public InvalidReference(String what) {
            super(what, null, false, false);
        }
    }

    /** A program's own content (published or saved), without its pending draft. */
    @Transactional(readOnly = true)
    public Optional<ProgramContent> saved(long id) {
        return programs.findWithHeader(id).map(p -> {
            ProgramPageLoader.loadParts(p);
            return ProgramContentMapping.of(p);
        });
    }

    @Transactional(readOnly = true)
    public Optional<Editable> editable(long id) {
        return programs.findWithHeader(id).map(this::editable);
    }

    public long create(ProgramContent content, boolean publish, String user) {
        return create(content, publish, user, RevisionAction.CREATE);
    }

    private long create(ProgramContent content, boolean publish, String user, RevisionAction action) {
        Instant now = clock.instant();
        Program p = new Program(user, now);
        p.apply(content, partsOf.resolve(content), user, now);
        if (publish) {
            p.publish(user, now);
            p.confirm(today());
        }
        programs.saveAndFlush(p);
        record(p, action, user, now);
        return p.id();
    }

    /**
     * Creates a program from an import, keeping {@code requestedId} when no program has it (so that a full export
     * restored into an empty database keeps its ids and links); otherwise a new id. Recorded as IMPORT.
     */
    public long importNew(Long requestedId, ProgramContent content, boolean publish, String user) {
        if (requestedId == null || programs.existsById(requestedId)) {
            return create(content, publish, user, RevisionAction.IMPORT);
        }
        Instant now = clock.instant();
        Program.Parts parts = partsOf.resolve(content);
        programs.insertShell(requestedId, content.name(), content.nameKana(), content.categoryCode(),
                content.channel().name(), content.lifecycle().name(),
                content.eligibilityText() == null ? "" : content.eligibilityText(), now, user, JapanTime.day(now));
        Program p = programs.findWithHeader(requestedId).orElseThrow();
        p.apply(content, parts, user, now);
        if (publish) {
            p.publish(user, now);
        }
        programs.flush();
        record(p, RevisionAction.IMPORT, user, now);
        identities.keepAhead();
        return requestedId;
    }

    /** Changes a program from an import: published at once, or (for a published program) kept as a pending draft. */
    public void importUpdate(long id, ProgramContent content, boolean publish, String user) {
        Program p = programs.findWithHeader(id).orElseThrow(() -> new NotFoundException("program " + id));
        ProgramPageLoader.loadParts(p);
        store(p, content, publish, user, RevisionAction.IMPORT);
    }

    /** Saves {@code content}: published at once, or (for a published program) kept as a pending draft. */
    public void save(long id, long expectedVersion, ProgramContent content, boolean publish, String user) {
        Program p = current(id, expectedVersion);
        store(p, content, publish, user, RevisionAction.UPDATE);
        if (publish) {
            p.confirm(today());
        }
    }

    /** Applies the content (publishing it if asked), or keeps it as the pending draft of a published program. */
    private void store(Program p, ProgramContent content, boolean publish, String user, RevisionAction action) {
        long id = p.id();
        Instant now = clock.instant();
        reviews.withdraw(id, user, now);
        if (p.isPublished() && !publish) {
            PendingDraft draft = drafts.findById(id).orElseGet(() -> new PendingDraft(id));
            draft.update(json.writeValueAsString(content), p.version(), user, now);
            drafts.save(draft);
            return;
        }
        baseline(p);
        p.apply(content, partsOf.resolve(content), user, now);
        if (publish) {
            p.publish(user, now);
        }
        drafts.deleteById(id);
        programs.flush();
        record(p, action, user, now);
    }

    /** Publishes the program, with its pending draft if there is one. */
    public void publish(long id, long expectedVersion, String user) {
        Program p = current(id, expectedVersion);
        Instant now = clock.instant();
        baseline(p);
        Optional<PendingDraft> draft = drafts.findById(id);
        if (draft.isPresent()) {
            ProgramContent content = json.readValue(draft.get().content(), ProgramContent.class);
            p.apply(content, partsOf.resolve(content), user, now);
            drafts.delete(draft.get());
        }
        p.publish(user, now);
        p.confirm(today());
        reviews.remove(id);
        programs.flush();
        record(p, RevisionAction.PUBLISH, user, now);
    }

    /** 最終確認日 is a day in Japan, whatever the server's time zone. */
    private LocalDate today() {
        return JapanTime.today(clock);
    }

    public void unpublish(long id, long expectedVersion, String user) {
        Program p = current(id, expectedVersion);
        Instant now = clock.instant();
        baseline(p);
        p.unpublish(user, now);
        programs.flush();
        record(p, RevisionAction.UNPUBLISH, user, now);
    }

    public void discardDraft(long id) {
        drafts.findById(id).ifPresent(drafts::delete);
    }

    /** Deletes the program; its history stays and records the deletion. */
    public void delete(long id, long expectedVersion, String user) {
        Program p = current(id, expectedVersion);
        Instant now = clock.instant();
        baseline(p);
        record(p, RevisionAction.DELETE, user, now);
        drafts.findById(id).ifPresent(drafts::delete);
        programs.delete(p);
    }

    /** Makes an earlier revision's content current again, as a new revision; the publication status stays. */
    public void restore(long id, int revision, long expectedVersion, String user) {
        ProgramContent old = revision(id, revision).orElseThrow(() -> new NotFoundException("revision " + revision));
        Program p = current(id, expectedVersion);
        Instant now = clock.instant();
        baseline(p);
        p.apply(old, partsOf.resolve(old), user, now);
        drafts.findById(id).ifPresent(drafts::delete);
        programs.flush();
        record(p, RevisionAction.RESTORE, user, now);
    }

    @Transactional(readOnly = true)
    public List<ProgramRevision> history(long id) {
        return revisions.findByProgramIdOrderByRevisionDesc(id).stream().map(ProgramRevisionEntity::value).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ProgramContent> revision(long id, int revision) {
        return revisions.findByProgramIdAndRevision(id, revision).map(r -> json.readValue(r.snapshot(), ProgramContent.class));
    }

    /** The public page as it would look with the pending draft (or the current content), without saving anything. */
    @Transactional(readOnly = true)
    Optional<ProgramPageLoader.Details> preview(long id) {
        return editable(id).map(e -> {
            Program preview = new Program(e.updatedBy(), e.updatedAt());
            preview.apply(e.content(), partsOf.resolve(e.content()), e.updatedBy(), e.updatedAt());
            var codes = e.content().targetGroups().stream().flatMap(g -> g.criteria().stream())
                    .flatMap(r -> r.areas().stream()).toList();
            return new ProgramPageLoader.Details(preview, places.namesOf(codes));
        });
    }

    private Editable editable(Program p) {
        ProgramPageLoader.loadParts(p);
        Optional<PendingDraft> draft = drafts.findById(p.id());
        ProgramContent content = draft.map(d -> json.readValue(d.content(), ProgramContent.class))
                .orElseGet(() -> ProgramContentMapping.of(p));
        return new Editable(p.id(), p.version(), p.status(), draft.isPresent(), content, p.updatedBy(), p.updatedAt(),
                p.confirmedOn(), p.assuredOn());
    }

    private Program current(long id, long expectedVersion) {
        programs.lockForEdit(id).orElseThrow(() -> new NotFoundException("program " + id));
        Program p = programs.findWithHeader(id).orElseThrow(() -> new NotFoundException("program " + id));
        if (p.version() != expectedVersion) {
            throw new Conflict(editable(p));
        }
        ProgramPageLoader.loadParts(p);
        return p;
    }

    private void baseline(Program p) {
        if (revisions.lastRevision(p.id()) == 0) {
            revisions.save(new ProgramRevisionEntity(p.id(), 1, RevisionAction.INITIAL, p.status(),
                    json.writeValueAsString(ProgramContentMapping.of(p)), p.updatedBy(), p.updatedAt()));
        }
    }

    private void record(Program p, RevisionAction action, String user, Instant now) {
        marker.bump(p.id());
        int next = revisions.lastRevision(p.id()) + 1;
        revisions.save(new ProgramRevisionEntity(p.id(), next, action, p.status(), json.writeValueAsString(ProgramContentMapping.of(p)),
                user, now));
    }
}
