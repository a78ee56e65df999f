package jp.tsunagari.catalogue;

/** 実施中 / 終了 / 単発イベント, as far as the source tells (as of its date). */
public enum Lifecycle {
    ONGOING, ENDED, ONE_OFF
}
