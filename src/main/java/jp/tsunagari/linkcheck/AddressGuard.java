package jp.tsunagari.linkcheck;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which addresses the link check may request (docs/security.md, SSRF): only http and https URLs with a host; and,
 * unless private addresses are allowed (tests against a local server), only hosts whose every address is public —
 * not loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local, carrier-grade NAT (100.64/10),
 * multicast or the wildcard address.
 */
final class AddressGuard {

    /** Whether a URL may be requested, or why not. */
    enum Verdict {
        ALLOWED, INVALID, PRIVATE, UNKNOWN_HOST
    }

    private final boolean privateAllowed;

    AddressGuard(boolean privateAllowed) {
        this.privateAllowed = privateAllowed;
    }

    Verdict judge(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isEmpty()
                || uri.getRawUserInfo() != null) {
            return Verdict.INVALID;
        }
        if (privateAllowed) {
            return Verdict.ALLOWED;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!isPublic(address)) {
                    return Verdict.PRIVATE;
                }
            }
            return Verdict.ALLOWED;
        } catch (UnknownHostException e) {
            return Verdict.UNKNOWN_HOST;
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc;
        }
        boolean carrierNat = (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        boolean thisNetwork = b[0] == 0;
        return !carrierNat && !thisNetwork;
    }
}
