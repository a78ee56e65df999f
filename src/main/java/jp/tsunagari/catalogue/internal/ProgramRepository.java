package jp.tsunagari.catalogue.internal;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

public interface ProgramRepository extends JpaRepository<Program, Long> {

    @Query("select p from Program p join fetch p.category left join fetch p.organizerPrefecture op"
            + " left join fetch op.region left join fetch p.organizerMunicipality left join fetch p.sourceDocument"
            + " where p.id = :id and p.status = jp.tsunagari.catalogue.PublicationStatus.PUBLISHED")
    Optional<Program> findPublishedWithHeader(Long id);

    @Query("select p from Program p join fetch p.category left join fetch p.organizerPrefecture op"
            + " left join fetch op.region left join fetch p.organizerMunicipality left join fetch p.sourceDocument"
            + " where p.id = :id")
    Optional<Program> findWithHeader(Long id);

    /**
     * Locks the program's row until the transaction ends ({@code select … for update}): edits of one program run one
     * after the other, so the second of two concurrent saves sees the first one's version and gets the conflict page.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "10000"))
    @Query("select p from Program p where p.id = :id")
    Optional<Program> lockForEdit(Long id);

    @Query("select p from Program p join fetch p.category left join fetch p.organizerPrefecture op"
            + " left join fetch op.region left join fetch p.organizerMunicipality"
            + " where p.status = jp.tsunagari.catalogue.PublicationStatus.PUBLISHED order by p.id")
    java.util.List<Program> findAllPublishedWithHeader();

    /** Ids of the published programs only, for the sitemap: one light query, no entities. */
    @Query("select p.id from Program p where p.status = jp.tsunagari.catalogue.PublicationStatus.PUBLISHED order by p.id")
    java.util.List<Long> findPublishedIds();

    @Query(nativeQuery = true, value = "select p.id from program p where p.status = 'PUBLISHED' and (p.end_year is not null"
            + " or exists (select 1 from program_application_period a where a.program_id = p.id)) order by p.id")
    java.util.List<Long> findPublishedDatedIds();

    /** Published programs last known true after {@code after} and on or before {@code until}, in id order. */
    @Query(nativeQuery = true, value = "select p.id from program p where p.status = 'PUBLISHED' and p.assured_on > :after"
            + " and p.assured_on <= :until order by p.id")
    java.util.List<Long> findPublishedAssuredBetween(@Param("after") java.time.LocalDate after,
                                                     @Param("until") java.time.LocalDate until);

    /** A draft row with the given id and the required columns, to be filled by {@link Program#apply} (imports). */
    @Modifying
    @Query(nativeQuery = true, value = "insert into program (id, version, status, name, name_kana, category_code,"
            + " channel, lifecycle, eligibility_text, created_at, updated_at, updated_by, assured_on) values (:id, 0,"
            + " 'DRAFT', :name, :kana, :category, :channel, :lifecycle, :eligibility, :now, :now, :user, :day)")
    void insertShell(@Param("id") long id, @Param("name") String name, @Param("kana") String kana,
                     @Param("category") String category, @Param("channel") String channel,
                     @Param("lifecycle") String lifecycle, @Param("eligibility") String eligibility,
                     @Param("now") Instant now, @Param("user") String user, @Param("day") java.time.LocalDate day);
}
