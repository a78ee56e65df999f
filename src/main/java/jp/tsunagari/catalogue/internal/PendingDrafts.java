package jp.tsunagari.catalogue.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PendingDrafts extends JpaRepository<PendingDraft, Long> {
}
