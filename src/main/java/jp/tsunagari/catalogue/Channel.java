package jp.tsunagari.catalogue;

/** How a program reaches people (the catalogue's classification, not a field of the source). */
public enum Channel {
    LINE, SNS, DELIVERY, EVENT, SUBSIDY, PARTICIPATION, NETWORK, PUBLICITY
}
