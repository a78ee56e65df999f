package jp.tsunagari.staff;

import java.util.Optional;

/** Passwords: at least 12 and at most 128 characters. Returns the message key of the problem, if any. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    static Optional<String> problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("staff.error.password.short");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("staff.error.password.long");
        }
        return Optional.empty();
    }
}
