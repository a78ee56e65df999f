package jp.tsunagari.alerts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tokens for the links in mails. The confirmation token is 256 random bits of which only the SHA-256 is stored
 * ({@link #random}, {@link #hash}). Manage and unsubscribe links must work from every mail without storing a token
 * per mail, so they carry the subscription's id and an HMAC-SHA-256 of it and its random salt under a key made once
 * per database ({@code alert_key}): nobody without the key can make one, deleting a subscription voids its links,
 * and deleting the key voids all.
 */
@Component
class LinkKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private volatile byte[] key;

    LinkKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The manage link's token of a subscription: {@code id.signature}. */
    String token(long id, String salt) {
        return id + "." + sign(id, salt);
    }

    /** The subscription id a token names, if its format is right (the signature is checked by {@link #valid}). */
    static OptionalLong idOf(String token) {
        if (token == null || !token.matches("\\d{1,18}\\.[A-Za-z0-9_-]{43}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(token.substring(0, token.indexOf('.'))));
    }

    boolean valid(String token, long id, String salt) {
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                token(id, salt).getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(long id, String salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] signature = mac.doFinal((id + ":" + salt).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            String secret = jdbc.queryForList("select secret from alert_key where id = 1", String.class).stream()
                    .findFirst().orElse(null);
            if (secret == null) {
                try {
                    jdbc.update("insert into alert_key (id, secret) values (1, ?)", random(32));
                } catch (DuplicateKeyException another) {
                    // another instance made it first: use theirs
                }
                secret = jdbc.queryForObject("select secret from alert_key where id = 1", String.class);
            }
            known = secret.getBytes(StandardCharsets.US_ASCII);
            key = known;
        }
        return known;
    }
}
