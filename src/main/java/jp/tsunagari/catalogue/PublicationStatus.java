package jp.tsunagari.catalogue;

/** Only PUBLISHED programs are shown to the public; drafts are for staff. */
public enum PublicationStatus {
    DRAFT, PUBLISHED
}
