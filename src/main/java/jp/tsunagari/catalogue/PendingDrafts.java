package jp.tsunagari.catalogue;

import org.springframework.data.jpa.repository.JpaRepository;

interface PendingDrafts extends JpaRepository<PendingDraft, Long> {
}
