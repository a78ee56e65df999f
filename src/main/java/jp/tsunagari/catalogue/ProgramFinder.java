package jp.tsunagari.catalogue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tsunagari.eligibility.Audience;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds published programs for list pages. A page costs a fixed number of statements whatever the catalogue's size:
 * one count, one row query (a projection), and one query each for audiences, key metrics and example places.
 */
@Component
@Transactional(readOnly = true)
class ProgramFinder {

    private static final String FROM = " from Program p join p.category c"
            + " left join p.organizerPrefecture op left join p.organizerMunicipality om";

    private final EntityManager em;

    ProgramFinder(EntityManager em) {
        this.em = em;
    }

    ResultPage<ProgramCard> find(ProgramQuery query) {
        Map<String, Object> params = new HashMap<>();
        String where = where(query, params);
        TypedQuery<Long> count = em.createQuery("select count(p)" + FROM + where, Long.class);
        params.forEach(count::setParameter);
        long total = count.getSingleResult();
        if (total == 0 || query.offset() >= total) {
            return new ResultPage<>(List.of(), total, query.page(), query.size());
        }
        TypedQuery<ProgramCard.Row> rows = em.createQuery("select new jp.tsunagari.catalogue.ProgramCard$Row("
                + "p.id, p.name, c.code, c.nameJa, c.nameEn, op.code, op.nameJa, op.nameEn, om.lgCode, om.nameJa, om.nameEn,"
                + " p.startYear, p.startMonth, p.eventYear, p.eventMonth, p.summary, p.lifecycle)"
                + FROM + where + " order by " + query.sort().orderBy(), ProgramCard.Row.class);
        params.forEach(rows::setParameter);
        rows.setFirstResult(query.offset());
        rows.setMaxResults(query.size());
        return new ResultPage<>(cards(rows.getResultList()), total, query.page(), query.size());
    }

    /** Cards of the given published programs (any order; the caller orders them). */
    List<ProgramCard> cardsByIds(List<Long> ids) {
        TypedQuery<ProgramCard.Row> rows = em.createQuery("select new jp.tsunagari.catalogue.ProgramCard$Row("
                + "p.id, p.name, c.code, c.nameJa, c.nameEn, op.code, op.nameJa, op.nameEn, om.lgCode, om.nameJa, om.nameEn,"
                + " p.startYear, p.startMonth, p.eventYear, p.eventMonth, p.summary, p.lifecycle)"
                + FROM + " where p.status = :published and p.id in :ids", ProgramCard.Row.class);
        rows.setParameter("published", PublicationStatus.PUBLISHED).setParameter("ids", ids);
        return cards(rows.getResultList());
    }

    private static String where(ProgramQuery q, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where p.status = :published");
        params.put("published", PublicationStatus.PUBLISHED);
        if (!q.categories().isEmpty()) {
            where.append(" and c.code in :categories");
            params.put("categories", q.categories());
        }
        if (!q.prefectures().isEmpty()) {
            where.append(" and (op.code in :prefs or exists (select 1 from ExampleGroup e"
                    + " where e.program = p and e.prefecture.code in :prefs))");
            params.put("prefs", q.prefectures());
        }
        if (!q.regions().isEmpty()) {
            where.append(" and (op.region.code in :regions or exists (select 1 from ExampleGroup e"
                    + " join e.prefecture ep where e.program = p and ep.region.code in :regions))");
            params.put("regions", q.regions());
        }
        if (!q.audiences().isEmpty()) {
            where.append(" and exists (select 1 from Program p2 join p2.audiences a where p2 = p and a in :audiences)");
            params.put("audiences", q.audiences());
        }
        return where.toString();
    }

    private List<ProgramCard> cards(List<ProgramCard.Row> rows) {
        List<Long> ids = rows.stream().map(ProgramCard.Row::id).toList();
        Map<Long, Set<Audience>> audiences = new HashMap<>();
        em.createQuery("select p.id, a from Program p join p.audiences a where p.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> audiences.computeIfAbsent((Long) r[0], k -> EnumSet.noneOf(Audience.class)).add((Audience) r[1]));
        Map<Long, ProgramCard.KeyMetric> metrics = new HashMap<>();
        em.createQuery("select m.program.id, m.labelJa, m.labelEn, m.value, m.unitJa, m.asOf from ReachMetric m"
                        + " where m.program.id in :ids order by m.position desc", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> metrics.put((Long) r[0], new ProgramCard.KeyMetric((String) r[1], (String) r[2],
                        (Long) r[3], (String) r[4], (LocalDate) r[5])));
        Map<Long, List<ProgramCard.Place>> places = new LinkedHashMap<>();
        em.createQuery("select e.program.id, pr.code, pr.nameJa, pr.nameEn from ExampleGroup e join e.prefecture pr"
                        + " where e.program.id in :ids order by e.position", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> places.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                        .add(new ProgramCard.Place((String) r[1], (String) r[2], (String) r[3])));
        Map<Long, ProgramCard.KeyEligibility> eligibility = keyEligibility(ids);
        return rows.stream().map(row -> new ProgramCard(row,
                audiences.getOrDefault(row.id(), Set.of()), metrics.get(row.id()),
                places.getOrDefault(row.id(), List.of()),
                eligibility.getOrDefault(row.id(), ProgramCard.KeyEligibility.NONE))).toList();
    }

    private Map<Long, ProgramCard.KeyEligibility> keyEligibility(List<Long> ids) {
        Map<Long, java.util.Set<String>> ages = new HashMap<>();
        Map<Long, java.util.Set<jp.tsunagari.eligibility.Applicant>> applicants = new HashMap<>();
        em.createQuery("select p.id, c.type, c.minAge, c.maxAge, c.applicants from Program p join p.targetGroups g"
                        + " join g.criteria c where p.id in :ids and c.strength = jp.tsunagari.eligibility.Strength.HARD"
                        + " and c.type in (jp.tsunagari.eligibility.CriterionType.AGE,"
                        + " jp.tsunagari.eligibility.CriterionType.APPLICANT) order by p.id, g.position, c.position", Object[].class)
                .setParameter("ids", ids).getResultList().forEach(r -> {
                    Long id = (Long) r[0];
                    if (r[1] == jp.tsunagari.eligibility.CriterionType.AGE) {
                        ages.computeIfAbsent(id, k -> new java.util.LinkedHashSet<>())
                                .add(ProgramCard.KeyEligibility.range((Integer) r[2], (Integer) r[3]));
                    } else {
                        @SuppressWarnings("unchecked")
                        java.util.Set<jp.tsunagari.eligibility.Applicant> who = (java.util.Set<jp.tsunagari.eligibility.Applicant>) r[4];
                        applicants.computeIfAbsent(id, k -> java.util.EnumSet.noneOf(jp.tsunagari.eligibility.Applicant.class)).addAll(who);
                    }
                });
        Map<Long, ProgramCard.KeyEligibility> result = new HashMap<>();
        for (Long id : ids) {
            if (ages.containsKey(id) || applicants.containsKey(id)) {
                result.put(id, new ProgramCard.KeyEligibility(List.copyOf(ages.getOrDefault(id, java.util.Set.of())),
                        applicants.getOrDefault(id, java.util.Set.of())));
            }
        }
        return result;
    }

    /** Published programs per category code. */
    Map<String, Long> countByCategory() {
        Map<String, Long> counts = new HashMap<>();
        em.createQuery("select p.category.code, count(p) from Program p where p.status = :published"
                        + " group by p.category.code", Object[].class)
                .setParameter("published", PublicationStatus.PUBLISHED).getResultList()
                .forEach(r -> counts.put((String) r[0], (Long) r[1]));
        return counts;
    }

    /**
     * Published programs per prefecture code, counting a program once per prefecture whether it is there as organizer,
     * through an example group, or both. Equals the total of the list filtered by that prefecture.
     */
    Map<String, Long> countByPrefecture() {
        Map<String, Long> counts = new HashMap<>();
        em.createQuery("select p.organizerPrefecture.code, count(p) from Program p where p.status = :published"
                        + " and p.organizerPrefecture is not null group by p.organizerPrefecture.code", Object[].class)
                .setParameter("published", PublicationStatus.PUBLISHED).getResultList()
                .forEach(r -> counts.merge((String) r[0], (Long) r[1], Long::sum));
        em.createQuery("select e.prefecture.code, count(distinct p.id) from ExampleGroup e join e.program p"
                        + " left join p.organizerPrefecture op where p.status = :published"
                        + " and (op is null or op.code <> e.prefecture.code) group by e.prefecture.code", Object[].class)
                .setParameter("published", PublicationStatus.PUBLISHED).getResultList()
                .forEach(r -> counts.merge((String) r[0], (Long) r[1], Long::sum));
        return counts;
    }

    /** Published programs per region code, counted once per region (organizer or example groups). */
    Map<String, Long> countByRegion() {
        Map<String, Long> counts = new HashMap<>();
        em.createQuery("select op.region.code, count(p) from Program p join p.organizerPrefecture op"
                        + " where p.status = :published group by op.region.code", Object[].class)
                .setParameter("published", PublicationStatus.PUBLISHED).getResultList()
                .forEach(r -> counts.merge((String) r[0], (Long) r[1], Long::sum));
        em.createQuery("select ep.region.code, count(distinct p.id) from ExampleGroup e join e.program p"
                        + " join e.prefecture ep left join p.organizerPrefecture op where p.status = :published"
                        + " and (op is null or op.region.code <> ep.region.code) group by ep.region.code", Object[].class)
                .setParameter("published", PublicationStatus.PUBLISHED).getResultList()
                .forEach(r -> counts.merge((String) r[0], (Long) r[1], Long::sum));
        return counts;
    }
}
