package jp.tsunagari.catalogue;

import org.springframework.data.jpa.repository.JpaRepository;

interface SourceDocuments extends JpaRepository<SourceDocumentEntity, Integer> {
}
