package jp.tsunagari.staff;

import java.time.Instant;

/**
 * A one-time link was made for an account: INVITE (a new account sets its password) or RESET (an existing one sets a
 * new password). Published inside the transaction; mail goes out after the commit, to {@code email} if there is one.
 */
public record InvitationIssued(Invitations.Purpose purpose, String username, String displayName, String email,
                               String link, Instant expiresAt) {
}
