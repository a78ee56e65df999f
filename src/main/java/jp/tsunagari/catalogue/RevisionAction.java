package jp.tsunagari.catalogue;

/**
 * What a history revision records. INITIAL is the content as it was before the first recorded change; IMPORT a
 * creation or change made by a bulk import (/admin/import).
 */
public enum RevisionAction {
    INITIAL, CREATE, UPDATE, PUBLISH, UNPUBLISH, RESTORE, DELETE, IMPORT
}
