package jp.tsunagari.catalogue;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import jp.tsunagari.catalogue.internal.Program;
import jp.tsunagari.catalogue.internal.ProgramContentMapping;
import jp.tsunagari.catalogue.internal.ProgramPageLoader;
import jp.tsunagari.catalogue.internal.ProgramRepository;
import jp.tsunagari.catalogue.internal.ReachMetric;
import jp.tsunagari.place.Municipality;
import jp.tsunagari.place.Prefecture;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads published programs with their parts for the search index: all of them chunk by chunk (batch-fetched parts,
 * the persistence context cleared between chunks, so memory stays flat at any catalogue size), or only those that
 * changed.
 */
@Service
@Transactional(readOnly = true)
public class SearchSources {

    static final int CHUNK = 500;

    private final ProgramRepository programs;
    private final EntityManager em;
    private final JsonMapper json;
    private final Freshness freshness;

    SearchSources(ProgramRepository programs, EntityManager em, JsonMapper json, Freshness freshness) {
        this.freshness = freshness;
        this.programs = programs;
        this.em = em;
        this.json = json;
    }

    public List<SearchSource> published() {
        List<SearchSource> sources = new ArrayList<>();
        eachPublished(sources::add);
        return sources;
    }

    /** Every published program, in id order. */
    public void eachPublished(Consumer<SearchSource> each) {
        eachPublished(programs.findPublishedIds(), each);
    }

    /** Those of {@code ids} that are published (the others are left out), in the order given. */
    public void eachPublished(List<Long> ids, Consumer<SearchSource> each) {
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Map<Long, Program> byId = new HashMap<>();
            em.createQuery("select p from Program p join fetch p.category left join fetch p.organizerPrefecture op"
                            + " left join fetch op.region left join fetch p.organizerMunicipality"
                            + " where p.id in :ids and p.status = :published", Program.class)
                    .setParameter("ids", chunk).setParameter("published", PublicationStatus.PUBLISHED)
                    .getResultList().forEach(p -> byId.put(p.id(), p));
            for (Long id : chunk) {
                Program p = byId.get(id);
                if (p != null) {
                    ProgramPageLoader.loadParts(p);
                    each.accept(source(p, json, freshness::unconfirmedFrom));
                }
            }
            em.clear();
        }
    }

    /**
     * The published programs whose 受付状況 can change from one day to the next (those with a registered end or
     * 受付期間), in id order: what the search index refreshes at midnight.
     */
    public List<Long> datedPublishedIds() {
        return programs.findPublishedDatedIds();
    }

    /**
     * The published programs that stop counting as recently confirmed after {@code after} and on or before
     * {@code until} (their {@code unconfirmedFrom} is in that range), in id order: what the index refreshes when days
     * pass.
     */
    public List<Long> unconfirmedBetween(java.time.LocalDate after, java.time.LocalDate until) {
        java.time.Period notice = freshness.settings().noticeAfter();
        return programs.findPublishedAssuredBetween(after.minus(notice), until.minus(notice));
    }

    /** Every published program with its target groups and criteria loaded, in id order (tests and small catalogues). */
    public List<ProgramRules> rules() {
        return rules(programs.findPublishedIds());
    }

    /**
     * Those of {@code ids} that are published, with their target groups and criteria loaded (batch-fetched), in the
     * order given: for the page of the eligibility checker.
     */
    public List<ProgramRules> rules(List<Long> ids) {
        List<ProgramRules> rules = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Map<Long, Program> byId = new HashMap<>();
            em.createQuery("select p from Program p join fetch p.category where p.id in :ids and p.status = :published",
                            Program.class)
                    .setParameter("ids", chunk).setParameter("published", PublicationStatus.PUBLISHED)
                    .getResultList().forEach(p -> byId.put(p.id(), p));
            for (Long id : chunk) {
                Program p = byId.get(id);
                if (p != null) {
                    org.hibernate.Hibernate.initialize(p.targetGroups());
                    p.targetGroups().forEach(g -> org.hibernate.Hibernate.initialize(g.criteria()));
                    rules.add(new ProgramRules(p.id(), p.name(), p.category().code(), p.category().nameJa(),
                            p.category().nameEn(), List.copyOf(p.targetGroups()), p.lifecycle(), p.schedule()));
                }
            }
            em.clear();
        }
        return rules;
    }

    static SearchSource source(Program p, JsonMapper json,
                               java.util.function.UnaryOperator<java.time.LocalDate> unconfirmedFrom) {
        Set<String> prefectures = new LinkedHashSet<>();
        Set<String> regions = new LinkedHashSet<>();
        List<String> placeNames = new ArrayList<>();
        if (p.organizerPrefecture() != null) {
            addPlace(p.organizerPrefecture(), prefectures, regions, placeNames);
        }
        Municipality m = p.organizerMunicipality();
        if (m != null) {
            placeNames.add(m.nameJa());
            placeNames.add(m.nameKana());
            if (m.nameEn() != null) {
                placeNames.add(m.nameEn());
            }
        }
        List<String> texts = new ArrayList<>();
        texts.add(p.category().nameJa());
        addIfPresent(texts, p.summary());
        addIfPresent(texts, p.benefit());
        p.sections().forEach(s -> {
            addIfPresent(texts, s.heading());
            s.items().forEach(i -> texts.add(i.text()));
        });
        texts.addAll(p.eligibilityLines());
        p.examples().forEach(e -> {
            texts.add(e.name());
            texts.add(e.description());
            addPlace(e.prefecture(), prefectures, regions, placeNames);
        });
        p.targetGroups().forEach(g -> texts.add(g.label()));
        Long reach = p.metrics().stream().map(ReachMetric::value).max(Long::compare).orElse(null);
        Integer start = p.start() == null ? null : p.start().getYear() * 100 + p.start().getMonthValue();
        return new SearchSource(p.id(), p.name(), p.nameKana(), p.category().code(), prefectures, regions,
                maintainers(p), p.audiences(), p.channel(), p.lifecycle(), p.sourceOrder(), start, reach, placeNames, texts,
                List.copyOf(p.targetGroups()), p.schedule(), p.updatedAt(),
                new SearchSource.Page(p.version(), json.writeValueAsString(ProgramContentMapping.of(p)),
                        Set.copyOf(p.audiences())), unconfirmedFrom.apply(p.assuredOn()));
    }

    /**
     * The organizations that maintain the program, by the rule of {@link Maintainers#of}: its organizing municipality,
     * else its organizing prefecture, and each example group's prefecture (prefectures by their own 6-digit code).
     */
    private static Set<String> maintainers(Program p) {
        Set<String> codes = new LinkedHashSet<>();
        if (p.organizerMunicipality() != null) {
            codes.add(p.organizerMunicipality().lgCode());
        } else if (p.organizerPrefecture() != null) {
            codes.add(p.organizerPrefecture().lgCode());
        }
        p.examples().forEach(e -> codes.add(e.prefecture().lgCode()));
        return codes;
    }

    private static void addPlace(Prefecture pref, Set<String> prefectures, Set<String> regions, List<String> names) {
        if (prefectures.add(pref.code())) {
            regions.add(pref.region().code());
            names.add(pref.nameJa());
            names.add(pref.nameKana());
            names.add(pref.nameEn());
        }
    }

    private static void addIfPresent(List<String> texts, String text) {
        if (text != null && !text.isBlank()) {
            texts.add(text);
        }
    }
}
