package jp.tsunagari.staff;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On a start with no active administrator, creates the account {@code admin} with the password given in
 * {@code CATALOGUE_ADMIN_PASSWORD}, or with a random one printed once to the log. There is no default password.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    static final String USERNAME = "admin";

    private final StaffDirectory directory;
    private final String configuredPassword;

    FirstAdmin(StaffDirectory directory, @Value("${CATALOGUE_ADMIN_PASSWORD:}") String configuredPassword) {
        this.directory = directory;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.hasActiveAdmin() || directory.byUsername(USERNAME).isPresent()) {
            return;
        }
        if (!configuredPassword.isEmpty()) {
            if (create(configuredPassword)) {
                log.info("Created the first administrator '{}' with the password from CATALOGUE_ADMIN_PASSWORD", USERNAME);
            }
            return;
        }
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        if (!create(password)) {
            return;
        }
        log.warn("Created the first administrator '{}' with the generated password: {} "
                + "(shown once; sign in and change it, or set CATALOGUE_ADMIN_PASSWORD before the first start)", USERNAME, password);
    }

    /**
     * Creates the account; false if another instance starting on the same empty database created it first (the
     * username is unique): this instance then starts normally with that one.
     */
    private boolean create(String password) {
        try {
            directory.create(USERNAME, "管理者", password, StaffRole.ADMIN);
            return true;
        } catch (org.springframework.dao.DataIntegrityViolationException another) {
            log.info("The first administrator '{}' was created by another instance starting at the same time", USERNAME);
            return false;
        } catch (StaffDirectory.Refused refused) {
            if (!"username".equals(refused.field())) {
                throw refused;
            }
            log.info("The first administrator '{}' was created by another instance starting at the same time", USERNAME);
            return false;
        }
    }
}
