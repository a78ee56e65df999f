package jp.tsunagari.staff;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.tsunagari.place.Places;
import jp.tsunagari.staff.internal.StaffUser;
import jp.tsunagari.staff.internal.StaffUsers;
import jp.tsunagari.system.Localized;
import jp.tsunagari.system.ResultPage;
import jp.tsunagari.system.StaffScope;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Staff accounts: create, list, disable, reset a password, change a role. Rules live here, not in controllers. */
@Service
@Transactional
public class StaffDirectory {

    static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{2,49}";
    static final Pattern USERNAME = Pattern.compile(USERNAME_PATTERN);

    private final StaffUsers users;
    private final PasswordEncoder encoder;
    private final Clock clock;

    private final Places places;
    private final FindByIndexNameSessionRepository<?> sessions;

    StaffDirectory(StaffUsers users, PasswordEncoder encoder, Clock clock, Places places,
                   FindByIndexNameSessionRepository<?> sessions) {
        this.users = users;
        this.places = places;
        this.sessions = sessions;
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

    /** An account of the catalogue office (EDITOR or ADMIN). */
    public StaffUser create(String username, String displayName, String password, StaffRole role) {
        return create(username, displayName, password, role, null);
    }

    /**
     * An account: of the office for EDITOR and ADMIN ({@code organization} is ignored), of the local government
     * {@code organization} names for ORG_EDITOR (its code, or a prefecture's or municipality's name).
     */
    public StaffUser create(String username, String displayName, String password, StaffRole role,
                            String organization) {
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
        String organizationCode = organizationOf(role, organization);
        return users.save(new StaffUser(name, displayName.strip(), encoder.encode(password), role, organizationCode,
                clock.instant()));
    }

    /**
     * An account made by invitation: no usable password until the person sets one through the link (a random
     * password nobody knows is stored meanwhile), and an e-mail address for the link and for notices.
     */
    public StaffUser createInvited(String username, String displayName, String email, StaffRole role,
                                   String organization) {
        String address = email == null ? "" : email.strip();
        if (!EMAIL.matcher(address).matches() || address.length() > 254) {
            throw new Refused("email", "staff.error.email");
        }
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        StaffUser user = create(username, displayName, java.util.HexFormat.of().formatHex(random), role, organization);
        user.changeEmail(address, clock.instant());
        return user;
    }

    /** A plain check of an address's shape (one @, a dot in the domain, no spaces); the mail server has the last word. */
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** The addresses of the catalogue office's active accounts (review requests go to them). */
    @Transactional(readOnly = true)
    public List<String> officeEmails() {
        return users.findByEnabledTrueAndRoleInAndEmailIsNotNull(List.of(StaffRole.EDITOR, StaffRole.ADMIN)).stream()
                .map(StaffUser::email).distinct().toList();
    }

    /** The addresses of an organization's active accounts (by its 6-digit code; the office's with "office"). */
    @Transactional(readOnly = true)
    public List<String> organizationEmails(String organizationCode) {
        return users.findByEnabledTrueAndOrganizationCodeAndEmailIsNotNull(organizationCode).stream()
                .map(StaffUser::email).distinct().toList();
    }

    /** An active account's address, by user name. */
    @Transactional(readOnly = true)
    public Optional<String> emailOf(String username) {
        return users.findByUsername(username).filter(StaffUser::enabled).map(StaffUser::email);
    }

    /** Accounts per page of the list, by user name. */
    public static final int PAGE_SIZE = 50;

    /** One page of the accounts, by user name (a page past the last gives no accounts). */
    @Transactional(readOnly = true)
    public ResultPage<StaffUser> page(int page) {
        var found = users.findAllByOrderByUsername(org.springframework.data.domain.PageRequest.of(page - 1, PAGE_SIZE));
        return new ResultPage<>(found.getContent(), found.getTotalElements(), page, PAGE_SIZE);
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
        StaffUser user = user(id);
        user.changePassword(encoder.encode(password), clock.instant());
        endSessions(user.username()); // whoever signed in with the old password is signed out
    }

    /** Changes the role, and the organization with it (the office for EDITOR and ADMIN). */
    public void changeRole(long id, StaffRole role, String organization) {
        StaffUser user = user(id);
        if (user.role() == StaffRole.ADMIN && role != StaffRole.ADMIN && lastAdmin(user)) {
            throw new Refused("role", "staff.error.lastAdmin");
        }
        String organizationCode = organizationOf(role, organization);
        if (user.role() != role || !user.organizationCode().equals(organizationCode)) {
            endSessions(user.username());
        }
        user.changeRole(role, organizationCode, clock.instant());
    }

    /**
     * Signs the account out wherever it is signed in, once the change is committed. A session keeps the role and
     * organization it signed in with (its authorities): without this, an account moved to another role or
     * organization, or disabled, kept its old rights until it signed out.
     */
    private void endSessions(String username) {
        Runnable end = () -> sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            end.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                end.run(); // Spring Session deletes in a transaction of its own (REQUIRES_NEW)
            }
        });
    }

    /**
     * The organization code for an account: {@code office} for the office's roles; for ORG_EDITOR the 6-digit code
     * of a prefecture or municipality (not a designated city's ward), given as a code or a unique name.
     */
    String organizationOf(StaffRole role, String organization) {
        if (role.office()) {
            return StaffScope.OFFICE;
        }
        Optional<String> area = organization == null ? Optional.empty() : places.resolveArea(organization);
        Optional<String> code = area.flatMap(a -> a.length() == 2
                ? places.prefecture(a).map(p -> p.lgCode())
                : places.municipality(a).filter(m -> m.countsAsMunicipality()).map(m -> m.lgCode()));
        return code.orElseThrow(() -> new Refused("organization", "staff.error.organization"));
    }

    public void setEnabled(long id, boolean enabled) {
        StaffUser user = user(id);
        if (!enabled && user.role() == StaffRole.ADMIN && lastAdmin(user)) {
            throw new Refused("enabled", "staff.error.lastAdmin");
        }
        if (!enabled && user.enabled()) {
            endSessions(user.username());
        }
        user.setEnabled(enabled, clock.instant());
    }

    /** The names of the organizations these accounts belong to (code → name; the office is not included). */
    public Map<String, Localized> organizationNames(Collection<StaffUser> accounts) {
        Set<String> codes = accounts.stream().map(StaffUser::organizationCode)
                .filter(c -> !StaffScope.OFFICE.equals(c)).collect(Collectors.toSet());
        return places.organizationNames(codes);
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
