package jp.tsunagari.staff;

/** EDITOR edits the catalogue; ADMIN also manages staff accounts. */
public enum StaffRole {
    EDITOR, ADMIN
}
