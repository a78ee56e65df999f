package jp.tsunagari.catalogue;

/** What a history revision records. INITIAL is the content as it was before the first recorded change. */
public enum RevisionAction {
    INITIAL, CREATE, UPDATE, PUBLISH, UNPUBLISH, RESTORE, DELETE
}
