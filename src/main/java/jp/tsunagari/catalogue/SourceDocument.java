package jp.tsunagari.catalogue;

import java.time.LocalDate;

/** A published document the catalogue's entries come from, e.g. 「地域とのつながり」に関する施策事例 (as of 2025-03-04). */
public record SourceDocument(Integer id, String title, String series, String parts, LocalDate asOf, String asOfText) {
}
