package jp.tsunagari.linkcheck;

/** What checking an address found. Everything but {@link #OK} is a broken link. */
public enum LinkOutcome {
    /** A 2xx answer, directly or after redirects. */
    OK,
    /** A 4xx or 5xx answer (or a redirect without a Location), with its status. */
    BROKEN,
    /** Redirects that come back to an address already visited, or more than the allowed number. */
    REDIRECT_LOOP,
    /** No connection or no answer within the configured time. */
    TIMEOUT,
    /** The host is unknown, refused the connection, or the connection failed (TLS included). */
    UNREACHABLE,
    /** Not an http or https address that can be requested. */
    INVALID,
    /** The host is a private, loopback or link-local address: not requested (SSRF). */
    PRIVATE_ADDRESS;

    public boolean broken() {
        return this != OK;
    }
}
