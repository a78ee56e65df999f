package jp.tsunagari.catalogue;

/** What applying costs the user: nothing (無料), an amount in yen, or as a text (e.g. 送料のみ自己負担). */
public enum ApplicationCost {
    FREE, AMOUNT, TEXT
}
