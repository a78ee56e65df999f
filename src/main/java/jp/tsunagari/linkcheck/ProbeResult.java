package jp.tsunagari.linkcheck;

/** The outcome of checking one address, with the last HTTP status seen (null when there was no answer). */
record ProbeResult(LinkOutcome outcome, Integer status) {

    static ProbeResult of(LinkOutcome outcome) {
        return new ProbeResult(outcome, null);
    }
}
