package jp.tsunagari.catalogue;

/** How an item of a 目的・内容 section is set: a bullet (・), a check item (✓) or a note paragraph (※…). */
public enum ItemKind {
    BULLET, CHECK, NOTE
}
