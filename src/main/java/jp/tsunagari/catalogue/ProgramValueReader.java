package jp.tsunagari.catalogue;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import jp.tsunagari.catalogue.internal.Program;
import jp.tsunagari.catalogue.internal.ProgramContentMapping;
import jp.tsunagari.catalogue.internal.ProgramPageLoader;
import jp.tsunagari.catalogue.internal.SourceDocuments;
import jp.tsunagari.eligibility.Audience;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programs as plain values ({@link ProgramContent} with id, status and derived audience tags) for open data: the API,
 * CSV/JSON exports and the staff's full export. Loads in chunks with batch-fetched parts: a fixed number of
 * statements per {@value #CHUNK} programs, and the persistence context is cleared between chunks.
 */
@Service
@Transactional(readOnly = true)
public class ProgramValueReader {

    static final int CHUNK = 500;

    private final EntityManager em;
    private final SourceDocuments sources;

    ProgramValueReader(EntityManager em, SourceDocuments sources) {
        this.em = em;
        this.sources = sources;
    }

    /** The source documents programs cite, by id. */
    public Map<Integer, SourceDocument> sources() {
        Map<Integer, SourceDocument> byId = new java.util.TreeMap<>();
        sources.findAll().forEach(s -> byId.put(s.id(), s.value()));
        return byId;
    }

    /** One program: its id, publication status, content, audience tags, last change, 最終確認日 and assured_on. */
    public record Entry(long id, PublicationStatus status, ProgramContent content, Set<Audience> audiences,
                        Instant updatedAt, LocalDate confirmedOn, LocalDate assuredOn) {
    }

    public Optional<Entry> published(long id) {
        return published(List.of(id)).stream().findFirst();
    }

    /** The published programs among {@code ids}, in the order given. */
    public List<Entry> published(List<Long> ids) {
        List<Entry> entries = new ArrayList<>(ids.size());
        load(ids, true, entries::add);
        return entries;
    }

    /** The published programs among {@code ids}, in the order given, one at a time (for long exports). */
    public void eachPublished(List<Long> ids, Consumer<Entry> each) {
        load(ids, true, each);
    }

    /**
     * Every program, published or draft, in id order, one at a time (the staff's full export; pending drafts and
     * history are not included). Ids are read {@code batch} at a time after the last one handed out (keyset), so
     * neither the ids nor the programs of the whole catalogue are ever held at once; each batch is loaded like the
     * others here and the persistence context is cleared after it.
     */
    public void eachProgram(int batch, Consumer<Entry> each) {
        if (batch < 1 || batch > CHUNK) {
            throw new IllegalArgumentException("batch must be 1 to " + CHUNK + ": " + batch);
        }
        long after = Long.MIN_VALUE;
        List<Long> ids;
        do {
            ids = em.createQuery("select p.id from Program p where p.id > :after order by p.id", Long.class)
                    .setParameter("after", after).setMaxResults(batch).getResultList();
            if (!ids.isEmpty()) {
                load(ids, false, each);
                after = ids.get(ids.size() - 1);
            }
        } while (ids.size() == batch);
    }

    private void load(List<Long> ids, boolean publishedOnly, Consumer<Entry> each) {
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            var query = em.createQuery("select p from Program p join fetch p.category"
                    + " left join fetch p.organizerPrefecture left join fetch p.organizerMunicipality"
                    + " left join fetch p.sourceDocument where p.id in :ids"
                    + (publishedOnly ? " and p.status = :published" : ""), Program.class)
                    .setParameter("ids", chunk);
            if (publishedOnly) {
                query.setParameter("published", PublicationStatus.PUBLISHED);
            }
            List<Program> found = query.getResultList();
            Map<Long, Program> byId = new HashMap<>();
            found.forEach(p -> byId.put(p.id(), p));
            for (Long id : chunk) {
                Program p = byId.get(id);
                if (p != null) {
                    ProgramPageLoader.loadParts(p);
                    each.accept(new Entry(p.id(), p.status(), ProgramContentMapping.of(p), p.audiences(), p.updatedAt(),
                            p.confirmedOn(), p.assuredOn()));
                }
            }
            em.clear();
        }
    }
}
