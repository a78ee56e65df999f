package jp.tsunagari.staff;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.tsunagari.staff.internal.StaffUser;
import jp.tsunagari.staff.internal.StaffUsers;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: create, list, disable, reset a password, change a role. Rules live here, not in controllers. */
@Service
@Transactional
public class StaffDirectory {

    static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{2,49}";
    static final Pattern USERNAME = Pattern.compile(USERNAME_PATTERN);

    private final StaffUsers users;
    private final PasswordEncoder encoder;
    private final Clock clock;

    StaffDirectory(StaffUsers users, PasswordEncoder encoder, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** Thrown with a message key when a change would break a rule. */
    public static class Refused extends RuntimeException {
        private final String field;

        Refused(String field, String messageKey) {
            super(messageKey, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }

        public String messageKey() {
            return getMessage();
        }
    }

    public StaffUser create(String username, String displayName, String password, StaffRole role) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new Refused("username", "staff.error.username.format");
        }
        if (users.findByUsername(name).isPresent()) {
            throw new Refused("username", "staff.error.username.taken");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            throw new Refused("displayName", "staff.error.displayName");
        }
        PasswordPolicy.problem(password).ifPresent(key -> {
            throw new Refused("password", key);
        });
        return users.save(new StaffUser(name, displayName.strip(), encoder.encode(password), role, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<StaffUser> all() {
        return users.findAllByOrderByUsername();
    }

    @Transactional(readOnly = true)
    public Optional<StaffUser> find(long id) {
        return users.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<StaffUser> byUsername(String username) {
        return users.findByUsername(username);
    }

    public void resetPassword(long id, String password) {
        PasswordPolicy.problem(password).ifPresent(key -> {
            throw new Refused("password", key);
        });
        user(id).changePassword(encoder.encode(password), clock.instant());
    }

    public void changeRole(long id, StaffRole role) {
        StaffUser user = user(id);
        if (user.role() == StaffRole.ADMIN && role != StaffRole.ADMIN && lastAdmin(user)) {
            throw new Refused("role", "staff.error.lastAdmin");
        }
        user.changeRole(role, clock.instant());
    }

    public void setEnabled(long id, boolean enabled) {
        StaffUser user = user(id);
        if (!enabled && user.role() == StaffRole.ADMIN && lastAdmin(user)) {
            throw new Refused("enabled", "staff.error.lastAdmin");
        }
        user.setEnabled(enabled, clock.instant());
    }

    @Transactional(readOnly = true)
    public boolean hasActiveAdmin() {
        return users.existsByRoleAndEnabledTrue(StaffRole.ADMIN);
    }

    private boolean lastAdmin(StaffUser user) {
        return user.enabled() && users.countByRoleAndEnabledTrue(StaffRole.ADMIN) <= 1;
    }

    private StaffUser user(long id) {
        return users.findById(id).orElseThrow(() -> new jp.tsunagari.system.NotFoundException("staff user " + id));
    }
}
