package jp.tsunagari.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import jp.tsunagari.staff.internal.InvitationRows;
import jp.tsunagari.staff.internal.StaffUser;
import jp.tsunagari.system.PublicUrls;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts by invitation: a one-time link ({@code /invitations/{token}}) lets a person set their own password — for a
 * new account (INVITE) or to reset one (RESET). The token is 256 random bits; only its SHA-256 is stored; a link
 * works once and for 72 hours, and using it retires the account's other links. Nobody else ever sees the password.
 */
@Service
@Transactional
public class Invitations {

    public static final Duration VALID_FOR = Duration.ofHours(72);

    public enum Purpose {
        INVITE, RESET
    }

    /** A link that was just made, to send or (without mail) to show to the person who made it. */
    public record Issued(long userId, String username, String email, Purpose purpose, String link, Instant expiresAt) {
    }

    /** An open link: whose account it sets the password of. */
    public record Open(long userId, String username, String displayName, Purpose purpose, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StaffDirectory directory;
    private final InvitationRows rows;
    private final PublicUrls urls;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Invitations(StaffDirectory directory, InvitationRows rows, PublicUrls urls, Clock clock,
                ApplicationEventPublisher events) {
        this.directory = directory;
        this.rows = rows;
        this.urls = urls;
        this.clock = clock;
        this.events = events;
    }

    /** Creates the account (without a usable password) and its invitation link. */
    public Issued invite(String username, String displayName, String email, StaffRole role, String organization,
                         String by) {
        StaffUser user = directory.createInvited(username, displayName, email, role, organization);
        return issue(user, Purpose.INVITE, by);
    }

    /** A link to set a new password; the current one keeps working until the link is used. */
    public Issued reset(long userId, String by) {
        StaffUser user = directory.find(userId)
                .orElseThrow(() -> new jp.tsunagari.system.NotFoundException("staff user " + userId));
        return issue(user, Purpose.RESET, by);
    }

    /** The account an open link is for; empty if the token is malformed, unknown, used or expired. */
    @Transactional(readOnly = true)
    public Optional<Open> open(String token) {
        return row(token).flatMap(r -> directory.find(r.userId()).map(u -> new Open(u.id(), u.username(),
                u.displayName(), Purpose.valueOf(r.purpose()), r.expiresAt())));
    }

    /** Sets the password through an open link and uses the link up; refused if the link is not open or the password weak. */
    public String use(String token, String password) {
        InvitationRows.Row row = row(token).orElseThrow(() -> new StaffDirectory.Refused("token",
                "staff.invitation.invalid"));
        directory.resetPassword(row.userId(), password);
        if (!rows.use(row, clock.instant())) {
            throw new StaffDirectory.Refused("token", "staff.invitation.invalid");
        }
        return directory.find(row.userId()).map(StaffUser::username).orElseThrow();
    }

    private Issued issue(StaffUser user, Purpose purpose, String by) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        Instant expires = now.plus(VALID_FOR);
        rows.insert(user.id(), purpose.name(), hash(token), by, now, expires);
        String link = urls.absolute("/invitations/" + token);
        events.publishEvent(new InvitationIssued(purpose, user.username(), user.displayName(), user.email(), link,
                expires));
        return new Issued(user.id(), user.username(), user.email(), purpose, link, expires);
    }

    private Optional<InvitationRows.Row> row(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        String hash = hash(token);
        return rows.unused(hash)
                .filter(r -> MessageDigest.isEqual(r.tokenHash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)))
                .filter(r -> r.expiresAt().isAfter(clock.instant()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
