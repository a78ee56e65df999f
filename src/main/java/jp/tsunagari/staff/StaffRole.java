package jp.tsunagari.staff;

/**
 * ORG_EDITOR (自治体担当) edits its own organization's programs and submits them for review; EDITOR (事務局) edits
 * every program, reviews and publishes; ADMIN also manages staff accounts. Only ORG_EDITOR belongs to a local
 * government; the others belong to the catalogue office.
 */
public enum StaffRole {
    ORG_EDITOR, EDITOR, ADMIN;

    public boolean office() {
        return this != ORG_EDITOR;
    }
}
