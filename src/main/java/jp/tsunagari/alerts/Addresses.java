package jp.tsunagari.alerts;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;

/**
 * E-mail addresses as kept: trimmed and lower-cased (one subscription per address and condition however it was
 * typed), and only plain addresses — one {@code local@domain} of at most 254 characters, no name, no line breaks,
 * no second address — so nothing typed can reach a mail header but the address itself.
 */
final class Addresses {

    static final int MAX = 254;

    private Addresses() {
    }

    static String normalize(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    static boolean valid(String typed) {
        String a = normalize(typed);
        if (a.isEmpty() || a.length() > MAX || !a.matches("[^\\s<>()\\[\\],;:\"@]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
                + "(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+")) {
            return false;
        }
        try {
            new InternetAddress(a, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
