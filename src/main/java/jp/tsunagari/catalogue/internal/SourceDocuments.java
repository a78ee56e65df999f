package jp.tsunagari.catalogue.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SourceDocuments extends JpaRepository<SourceDocumentEntity, Integer> {
}
