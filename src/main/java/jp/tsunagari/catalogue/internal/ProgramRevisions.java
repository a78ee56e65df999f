package jp.tsunagari.catalogue.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProgramRevisions extends JpaRepository<ProgramRevisionEntity, Long> {

    List<ProgramRevisionEntity> findByProgramIdOrderByRevisionDesc(long programId);

    Optional<ProgramRevisionEntity> findByProgramIdAndRevision(long programId, int revision);

    @Query("select coalesce(max(r.revision), 0) from ProgramRevision r where r.programId = :programId")
    int lastRevision(long programId);
}
